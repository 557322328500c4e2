"use client";
import { memo, useMemo } from "react";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { formatAbsolute, formatNumber } from "@/components/ui/format";
import type { StepView } from "@/lib/trajectories/view-schemas";
import { roleStyle } from "./roles";
import { StepMessage } from "./step-message";

export function formatLatency(ms: number) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s`;
}

/** "+1m 12s" since the episode's first timestamp. */
export function formatOffset(ms: number) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `+${s}s`;
  if (s < 3600) return `+${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  return `+${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** The compact line a step opens with: index, role, tokens, latency, time. Reusable outside the viewer. */
export function StepHeader({
  step,
  startedAtZero,
  selected,
  actions,
}: {
  step: StepView;
  /** the episode's first timestamp (ms), for times relative to it */
  startedAtZero?: number | null;
  selected?: boolean;
  actions?: React.ReactNode;
}) {
  const r = roleStyle[step.role];
  const at = step.startedAt ? new Date(step.startedAt) : null;
  return (
    <div className="flex min-w-0 items-center gap-2 text-xs">
      <span
        className={cn("w-10 shrink-0 text-right font-mono tabular-nums", selected ? "text-accent" : "text-fg-subtle")}
      >
        #{step.index}
      </span>
      <span className={cn("rounded px-1.5 py-px text-[11px] font-medium", r.chip)}>{r.label}</span>
      {step.error ? <span className="font-medium text-danger">error</span> : null}
      <span className="ml-auto flex shrink-0 items-center gap-2.5 text-fg-subtle tabular-nums">
        {step.tokens !== null ? <span title="Tokens of this message">{formatNumber(step.tokens)} tok</span> : null}
        {step.latencyMs !== null ? <span title="Latency of this step">{formatLatency(step.latencyMs)}</span> : null}
        {at ? (
          <time dateTime={at.toISOString()} title={formatAbsolute(at)}>
            {startedAtZero != null ? formatOffset(at.getTime() - startedAtZero) : at.toLocaleTimeString("en-GB")}
          </time>
        ) : null}
        {actions}
      </span>
    </div>
  );
}

/** One step in the timeline: a coloured rail by role, the header, the message. */
export const StepCard = memo(function StepCard({
  step,
  projectId,
  trajectoryId,
  selected,
  unloadedCalls,
  startedAtZero,
  link,
}: {
  step: StepView;
  projectId: string;
  trajectoryId: string;
  selected: boolean;
  unloadedCalls?: string[];
  startedAtZero: number | null;
  /** the address of this step, for "copy link" */
  link: string;
}) {
  const r = roleStyle[step.role];
  const stepRef = useMemo(
    () => ({ projectId, trajectoryId, index: step.index }),
    [projectId, trajectoryId, step.index],
  );
  return (
    <article
      className={cn(
        "@container flex flex-col gap-1.5 rounded-md border border-l-[3px] bg-raised px-3 py-2",
        step.error ? "border-danger/50 border-l-danger" : cn("border-line", r.rail),
        selected && "bg-selected ring-2 ring-accent",
      )}
      data-step-index={step.index}
      data-selected={selected || undefined}
      aria-label={`Step ${step.index}, ${step.role}`}
    >
      <StepHeader
        step={step}
        startedAtZero={startedAtZero}
        selected={selected}
        actions={<CopyButton value={link} label="Link" size="xs" testId="copy-step-link" />}
      />
      <div className="@2xl:pl-12">
        <StepMessage step={step} stepRef={stepRef} unloadedCalls={unloadedCalls} />
      </div>
    </article>
  );
});
