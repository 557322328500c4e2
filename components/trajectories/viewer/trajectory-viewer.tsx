"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "@/components/api/client";
import { useProject } from "@/components/projects/project-context";
import { Button, ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { useShortcut } from "@/components/ui/shortcuts";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { buildToolTimeline } from "@/lib/trajectories/tool-timeline";
import type { TrajectoryView } from "@/lib/trajectories/view-schemas";
import { EpisodePanel } from "./episode-panel";
import { useTrajectory } from "./queries";
import { ReplayBar } from "./replay-bar";
import { ReplayPanel } from "./replay-panel";
import { type ScrollRequest, Timeline } from "./timeline";
import { TrajectoryHeader } from "./trajectory-header";
import { useReplay } from "./use-replay";

/** The viewer page: header, the step timeline, and beside it the episode's details or, in replay, its context. */
export function TrajectoryViewer({ trajectoryId }: { trajectoryId: string }) {
  const project = useProject();
  const q = useTrajectory(project.id, trajectoryId);
  if (q.isPending)
    return (
      <div className="flex flex-col gap-4" data-testid="trajectory-loading">
        <SkeletonBlock lines={2} className="max-w-xl" />
        <SkeletonBlock lines={8} />
      </div>
    );
  if (q.isError || !q.data)
    return (
      <EmptyState
        title={
          q.error instanceof ApiError && q.error.status === 404
            ? "This trajectory is not in this project"
            : "The trajectory could not be loaded"
        }
        actions={<ButtonLink href={`/projects/${project.id}/trajectories`}>Back to trajectories</ButtonLink>}
      >
        <p>{q.error?.message}</p>
      </EmptyState>
    );
  return <Loaded t={q.data} projectId={project.id} />;
}

const readParams = (params: URLSearchParams, count: number) => {
  const n = Number.parseInt(params.get("step") ?? "", 10);
  return {
    step: Number.isFinite(n) && n >= 0 && n < count ? n : null,
    replay: params.get("replay") === "1",
  };
};

function Loaded({ t, projectId }: { t: TrajectoryView; projectId: string }) {
  const params = useSearchParams();
  const initial = useMemo(() => readParams(params, t.steps.length), [params, t.steps.length]);
  const [replay, setReplay] = useState(initial.replay);
  const [selected, setSelected] = useState<number | null>(initial.step);
  const [scroll, setScroll] = useState<ScrollRequest | null>(
    initial.step !== null && !initial.replay ? { index: initial.step, align: "start", nonce: 0 } : null,
  );
  const nonce = useRef(1);
  const scrollTo = useCallback((index: number, align: ScrollRequest["align"]) => {
    setScroll({ index, align, nonce: nonce.current++ });
  }, []);
  const r = useReplay({
    count: t.steps.length,
    enabled: replay,
    initial: initial.step ?? 0,
  });

  const timeline = useMemo(() => buildToolTimeline(t.initialTools, t.steps), [t]);
  const startedAtZero = useMemo(() => {
    const first = t.steps.find((s) => s.startedAt);
    return first?.startedAt ? new Date(first.startedAt).getTime() : null;
  }, [t]);
  const visible = useMemo(() => (replay ? t.steps.slice(0, r.cursor + 1) : t.steps), [replay, t.steps, r.cursor]);
  const base = `/projects/${projectId}/trajectories/${t.id}`;
  const linkFor = useCallback(
    (i: number) => `${typeof window === "undefined" ? "" : window.location.origin}${base}?step=${i}`,
    [base],
  );

  // in replay the newest step stays in view
  useEffect(() => {
    if (replay) scrollTo(r.cursor, "end");
  }, [replay, r.cursor, scrollTo]);

  // the address follows the step in view, so that it can be shared as it is
  const shown = replay ? r.cursor : selected;
  useEffect(() => {
    const timer = setTimeout(() => {
      const next = new URLSearchParams(window.location.search);
      if (shown === null) next.delete("step");
      else next.set("step", String(shown));
      if (replay) next.set("replay", "1");
      else next.delete("replay");
      const qs = next.toString();
      window.history.replaceState(window.history.state, "", qs ? `${base}?${qs}` : base);
    }, 250);
    return () => clearTimeout(timer);
  }, [shown, replay, base]);

  const move = (d: number) => {
    const next = Math.max(0, Math.min(t.steps.length - 1, (selected ?? (d > 0 ? -1 : t.steps.length)) + d));
    setSelected(next);
    scrollTo(next, "auto");
  };
  const browse = { group: "Steps", enabled: !replay };
  useShortcut("j", "Next step", () => move(1), browse);
  useShortcut("k", "Previous step", () => move(-1), browse);
  const jump = (i: number) => {
    setSelected(i);
    scrollTo(i, i === 0 ? "start" : "end");
  };
  useShortcut("Home", "First step", () => jump(0), browse);
  useShortcut("End", "Last step", () => jump(t.steps.length - 1), browse);
  const toggleReplay = () => {
    if (!replay && selected !== null) r.setCursor(selected);
    if (replay) {
      r.play(false);
      setSelected(r.cursor);
      scrollTo(r.cursor, "center");
    }
    setReplay(!replay);
  };
  useShortcut("r", replay ? "Leave replay" : "Replay the episode", toggleReplay, { group: "Replay" });

  return (
    <div className="flex h-[calc(100dvh-108px)] min-h-[480px] flex-col gap-3" data-testid="trajectory-viewer">
      <TrajectoryHeader
        t={t}
        actions={
          <>
            <ButtonLink href={`/projects/${projectId}/trajectories/diff?a=${t.id}`} size="sm" variant="ghost">
              Compare…
            </ButtonLink>
            <CopyButton value={linkFor(shown ?? 0)} label="Copy link" testId="copy-link" />
            <Button
              size="sm"
              variant={replay ? "primary" : "secondary"}
              onClick={toggleReplay}
              aria-pressed={replay}
              title="Replay step by step (r)"
              data-testid="replay-toggle"
            >
              {replay ? "Leave replay" : "Replay"}
            </Button>
          </>
        }
      />
      <div className="flex min-h-0 flex-1 gap-3">
        <section
          className="flex min-w-0 flex-1 flex-col overflow-hidden rounded-lg border border-line bg-panel"
          aria-label="Timeline"
        >
          <div className="flex min-h-10 shrink-0 items-center gap-3 border-b border-line bg-raised px-3 py-1.5">
            {replay ? (
              <ReplayBar
                cursor={r.cursor}
                count={t.steps.length}
                playing={r.playing}
                speed={r.speed}
                onCursor={(i) => {
                  r.play(false);
                  r.setCursor(i);
                }}
                onPlaying={r.play}
                onSpeed={r.setSpeed}
              />
            ) : (
              <BrowseBar t={t} selected={selected} />
            )}
          </div>
          <Timeline
            steps={visible}
            projectId={projectId}
            trajectoryId={t.id}
            selected={replay ? r.cursor : selected}
            unloadedCalls={timeline.unloadedCalls}
            startedAtZero={startedAtZero}
            linkFor={linkFor}
            scroll={scroll}
          />
        </section>
        <aside
          className={cn("w-[300px] shrink-0 overflow-y-auto rounded-lg border border-line bg-raised xl:w-[380px]")}
          aria-label={replay ? "Replay panel" : "Episode details"}
        >
          {replay ? (
            <ReplayPanel
              t={t}
              cursor={r.cursor}
              timeline={timeline}
              onPick={(i) => {
                r.play(false);
                r.setCursor(i);
              }}
            />
          ) : (
            <EpisodePanel t={t} projectId={projectId} selected={selected} />
          )}
        </aside>
      </div>
    </div>
  );
}

function BrowseBar({ t, selected }: { t: TrajectoryView; selected: number | null }) {
  const counts = useMemo(() => {
    const c = { system: 0, user: 0, assistant: 0, tool: 0 };
    for (const s of t.steps) c[s.role]++;
    return c;
  }, [t]);
  return (
    <div className="flex w-full items-center gap-3 text-xs whitespace-nowrap text-fg-muted" data-testid="browse-bar">
      <span>
        <span className="font-semibold text-fg tabular-nums">{formatNumber(t.steps.length)}</span> steps
      </span>
      <span className="hidden tabular-nums xl:inline">
        {formatNumber(counts.assistant)} assistant · {formatNumber(counts.tool)} tool · {formatNumber(counts.user)} user
        {counts.system ? ` · ${formatNumber(counts.system)} system` : ""}
      </span>
      <span className="ml-auto tabular-nums" data-testid="step-counter">
        {selected === null ? "No step selected" : `Step #${selected}`}
      </span>
      <span className="hidden text-fg-subtle xl:inline">j/k to move · r to replay</span>
    </div>
  );
}
