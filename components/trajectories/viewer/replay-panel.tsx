"use client";
import type { ToolTimeline } from "@/lib/trajectories/tool-timeline";
import type { TrajectoryView } from "@/lib/trajectories/view-schemas";
import { ContextBar } from "./context-bar";
import { ContextChart } from "./context-chart";
import { PanelSection } from "./episode-panel";
import { ToolGantt } from "./tool-gantt";

/** Beside the timeline in replay: the context window at the cursor, its course, and the loaded tools. */
export function ReplayPanel({
  t,
  cursor,
  timeline,
  onPick,
}: {
  t: TrajectoryView;
  cursor: number;
  timeline: ToolTimeline;
  onPick: (index: number) => void;
}) {
  const step = t.steps[cursor];
  return (
    <div data-testid="replay-panel">
      <PanelSection title={`Context window at step ${cursor}`}>
        <ContextBar context={step?.context ?? null} limit={t.contextLimit} peak={t.peakContextTokens ?? 0} />
      </PanelSection>
      <PanelSection title="Context over steps">
        <ContextChart steps={t.steps} cursor={cursor} limit={t.contextLimit} onPick={onPick} />
      </PanelSection>
      <PanelSection title="Loaded tools">
        <ToolGantt timeline={timeline} cursor={cursor} stepCount={t.steps.length} onPick={onPick} />
      </PanelSection>
    </div>
  );
}
