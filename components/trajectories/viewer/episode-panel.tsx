"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { TrajectoryLabelsPanel } from "@/components/labeling/trajectory-labels-panel";
import { Badge } from "@/components/ui/badge";
import { formatNumber, shortId } from "@/components/ui/format";
import { JsonView } from "@/components/ui/json-view";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TrajectoryView } from "@/lib/trajectories/view-schemas";
import { LongText } from "./long-text";
import { outcomeTone } from "./trajectory-header";

export function PanelSection({ title, children, meta }: { title: string; children: ReactNode; meta?: ReactNode }) {
  return (
    <section className="flex flex-col gap-1.5 border-b border-line px-3 py-2.5 last:border-b-0">
      <h3 className="flex items-center gap-2 text-[11px] font-medium tracking-wide text-fg-subtle uppercase">
        {title}
        {meta ? <span className="ml-auto font-normal tracking-normal normal-case">{meta}</span> : null}
      </h3>
      {children}
    </section>
  );
}

/** Beside the timeline outside replay: the prompt, the final answer, scores, tools, metadata, the same task's other runs. */
export function EpisodePanel({
  t,
  projectId,
  selected = null,
}: {
  t: TrajectoryView;
  projectId: string;
  /** the step in view: its step-level labels show under Labels */
  selected?: number | null;
}) {
  const base = `/projects/${projectId}/trajectories`;
  return (
    <div data-testid="episode-panel">
      <PanelSection title="Task prompt">
        {t.task.prompt || t.summary ? (
          <>
            <LongText text={t.task.prompt ?? t.summary} truncated={null} label="prompt" />
            {!t.task.prompt ? (
              <p className="text-[11px] text-fg-subtle">
                The episode's own prompt{t.task.ref ? " (its task is not in this project)" : ""}.
              </p>
            ) : null}
          </>
        ) : (
          <p className="text-xs text-fg-subtle">
            No prompt recorded: the episode names no task and has no user message.
          </p>
        )}
      </PanelSection>
      <PanelSection title="Final answer">
        {t.finalAnswer ? (
          <LongText text={t.finalAnswer} truncated={null} label="answer" />
        ) : (
          <p className="text-xs text-fg-subtle">None recorded.</p>
        )}
      </PanelSection>
      <PanelSection title="Scores" meta={t.scores.length ? `${t.scores.length}` : undefined}>
        {t.scores.length ? (
          <ul className="flex flex-col gap-1.5">
            {t.scores.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: scores have no id in this view and never reorder
              <li key={i} className="text-xs">
                <div className="flex items-baseline gap-2">
                  <span className="truncate font-medium text-fg">{s.criterion ?? "score"}</span>
                  <span className="ml-auto tabular-nums">
                    {s.value === null ? (
                      <span className="text-danger" title={s.error ?? undefined}>
                        not judged
                      </span>
                    ) : (
                      formatNumber(Math.round(s.value * 1000) / 1000)
                    )}
                  </span>
                </div>
                {s.rationale ? <p className="mt-0.5 text-fg-muted">{s.rationale}</p> : null}
                {s.source ? <p className="text-[11px] text-fg-subtle">by {s.source}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-fg-subtle">
            No scores yet. Judge it with a rubric, or send <code>scores</code> with the trajectory.
          </p>
        )}
      </PanelSection>
      <PanelSection title="Tools" meta={`${t.tools.length} defined · ${t.initialTools.length} loaded at start`}>
        {t.tools.length ? (
          <div className="flex flex-wrap gap-1">
            {t.tools.map((name) => (
              <span
                key={name}
                className={
                  t.initialTools.includes(name)
                    ? "rounded bg-warning-soft px-1 font-mono text-[11px] text-warning"
                    : "rounded bg-hover px-1 font-mono text-[11px] text-fg-muted"
                }
                title={t.initialTools.includes(name) ? "loaded before the first step" : undefined}
              >
                {name}
              </span>
            ))}
          </div>
        ) : t.initialTools.length ? (
          <>
            <div className="flex flex-wrap gap-1">
              {t.initialTools.map((name) => (
                <span key={name} className="rounded bg-hover px-1 font-mono text-[11px] text-fg-muted">
                  {name}
                </span>
              ))}
            </div>
            <p className="text-[11px] text-fg-subtle">
              Loaded at start by name only: the episode carries no tool definitions, so their schemas count 0 tokens in
              the context figures.
            </p>
          </>
        ) : (
          <p className="text-xs text-fg-subtle">The episode carries no tool definitions.</p>
        )}
      </PanelSection>
      <PanelSection title={selected === null ? "Labels" : `Labels · step #${selected}`}>
        <TrajectoryLabelsPanel projectId={projectId} trajectoryId={t.id} stepIndex={selected} />
      </PanelSection>
      <PanelSection title="Other runs of this task" meta={t.sameTask.length ? `${t.sameTask.length}` : undefined}>
        {t.sameTask.length ? (
          <ul className="flex flex-col" data-testid="same-task">
            {t.sameTask.slice(0, 12).map((s) => (
              <li key={s.id} className="flex items-center gap-2 py-0.5 text-xs">
                <Link href={`${base}/${s.id}`} className="font-mono text-accent hover:underline">
                  {shortId(s.id)}
                </Link>
                <span className="min-w-0 truncate text-fg-muted">{s.policy ?? "—"}</span>
                {s.outcome ? <Badge tone={outcomeTone[s.outcome]}>{s.outcome}</Badge> : null}
                <span className="ml-auto text-fg-subtle">
                  <RelativeTime value={s.createdAt} />
                </span>
                <Link
                  href={`${base}/diff?a=${t.id}&b=${s.id}`}
                  className="text-accent hover:underline"
                  data-testid="compare-sibling"
                >
                  Diff
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-xs text-fg-subtle">
            {t.task.ref ? "No other episode of this task in the project." : "The episode names no task."}
          </p>
        )}
      </PanelSection>
      <PanelSection title="Metadata">
        {Object.keys(t.metadata).length ? (
          <JsonView value={t.metadata} expandDepth={1} />
        ) : (
          <p className="text-xs text-fg-subtle">None.</p>
        )}
      </PanelSection>
    </div>
  );
}
