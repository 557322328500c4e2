"use client";
import { useEffect, useMemo, useRef } from "react";
import { useTrajectory } from "@/components/trajectories/viewer/queries";
import { roleStyle } from "@/components/trajectories/viewer/roles";
import { StepHeader } from "@/components/trajectories/viewer/step-card";
import { StepMessage } from "@/components/trajectories/viewer/step-message";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/skeleton";
import type { LabelView } from "@/lib/labeling/schemas";
import type { TrajectoryView } from "@/lib/trajectories/view-schemas";
import { formatLabelValue } from "./format-value";

/**
 * The item's episode as a compact transcript: the viewer's step header and body (tool
 * calls with their arguments, long outputs collapsed), one under the other. With step-level
 * schemas a step can be chosen (click, or ↑/↓ from the page); my step labels show on it.
 */
export function WorkTranscript({
  projectId,
  trajectoryId,
  selectedStep,
  onSelectStep,
  stepLabels,
  onLoaded,
}: {
  projectId: string;
  trajectoryId: string;
  /** null: steps are not chosen here (no step-level schema) */
  selectedStep: number | null;
  onSelectStep?: (index: number) => void;
  /** my labels on steps, by step index */
  stepLabels: Map<number, LabelView[]>;
  onLoaded?: (t: TrajectoryView) => void;
}) {
  const trajectory = useTrajectory(projectId, trajectoryId);
  const box = useRef<HTMLDivElement>(null);
  const t = trajectory.data;
  const loaded = useRef<string | null>(null);
  useEffect(() => {
    if (t && loaded.current !== t.id) {
      loaded.current = t.id;
      onLoaded?.(t);
    }
  }, [t, onLoaded]);
  useEffect(() => {
    if (selectedStep === null) return;
    box.current?.querySelector(`[data-step-index="${selectedStep}"]`)?.scrollIntoView({ block: "nearest" });
  }, [selectedStep]);
  const startedAtZero = useMemo(() => {
    const first = t?.steps.find((s) => s.startedAt)?.startedAt;
    return first ? new Date(first).getTime() : null;
  }, [t]);

  if (trajectory.isError)
    return <ErrorText message={`The trajectory could not be loaded: ${trajectory.error.message}`} />;
  if (!t)
    return (
      <div className="flex flex-col gap-2">
        <Skeleton className="h-16" />
        <Skeleton className="h-24" />
        <Skeleton className="h-24" />
      </div>
    );
  const choosable = Boolean(onSelectStep) && selectedStep !== null;
  return (
    <div ref={box} className="flex flex-col gap-2" data-testid="work-transcript">
      <header className="rounded-md border border-line bg-panel px-3 py-2">
        <div className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
          <span className="font-mono text-fg">{t.clientId ?? t.id}</span>
          {t.outcome ? (
            <Badge tone={t.outcome === "pass" ? "success" : t.outcome === "partial" ? "warning" : "danger"}>
              {t.outcome}
            </Badge>
          ) : null}
          {t.reward !== null ? <span className="tabular-nums">reward {t.reward}</span> : null}
          {t.policy ? <span>policy {t.policy}</span> : null}
          <span className="tabular-nums">
            {formatNumber(t.stepCount)} steps · {formatNumber(t.toolCallCount)} tool calls
          </span>
        </div>
        {t.task.prompt || t.summary ? (
          <p className="mt-1 line-clamp-3 text-sm text-fg">{t.task.prompt ?? t.summary}</p>
        ) : null}
      </header>
      {t.steps.map((s) => {
        const selected = choosable && s.index === selectedStep;
        const mine = stepLabels.get(s.index) ?? [];
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: ↑/↓ choose steps from the keyboard (page shortcuts)
          <article
            key={s.index}
            data-step-index={s.index}
            data-selected={selected || undefined}
            aria-label={`Step ${s.index}, ${s.role}`}
            aria-current={selected ? "step" : undefined}
            onClick={choosable ? () => onSelectStep?.(s.index) : undefined}
            className={cn(
              "flex flex-col gap-1.5 rounded-md border border-l-[3px] bg-raised px-3 py-2",
              s.error ? "border-danger/50 border-l-danger" : cn("border-line", roleStyle[s.role].rail),
              choosable && "cursor-pointer",
              selected && "bg-selected ring-2 ring-accent",
            )}
          >
            <StepHeader
              step={s}
              startedAtZero={startedAtZero}
              selected={selected}
              actions={
                mine.length ? (
                  <span className="flex gap-1">
                    {mine.map((l) => (
                      <Badge key={l.id} tone="accent">
                        {l.schemaName}: {formatLabelValue(l.value)}
                      </Badge>
                    ))}
                  </span>
                ) : null
              }
            />
            <StepMessage step={s} stepRef={{ projectId, trajectoryId, index: s.index }} />
          </article>
        );
      })}
      {t.finalAnswer ? (
        <section className="rounded-md border border-line bg-panel px-3 py-2">
          <h3 className="text-xs font-medium text-fg-muted">Final answer</h3>
          <p className="mt-1 text-sm whitespace-pre-wrap text-fg">{t.finalAnswer}</p>
        </section>
      ) : null}
    </div>
  );
}
