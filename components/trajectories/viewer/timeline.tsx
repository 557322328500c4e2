"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { StepView } from "@/lib/trajectories/view-schemas";
import { StepCard } from "./step-card";

export type ScrollRequest = { index: number; align: "start" | "center" | "end" | "auto"; nonce: number };

// A first guess at a step's height before it is measured: long text shows a preview of about
// twelve lines, tool calls a box each.
function estimate(s: StepView) {
  const m = s.message;
  const lines = Math.min(13, Math.ceil(m.content.length / 90) + (m.content.match(/\n/g)?.length ?? 0));
  return 56 + lines * 20 + m.toolCalls.length * 90 + (s.error ? 32 : 0) + (m.content.length > 1200 ? 32 : 0);
}

/**
 * The steps, virtualized: only the ones in view (and a few around) are in the DOM, so two
 * thousand steps scroll as smoothly as twenty.
 */
export function Timeline({
  steps,
  projectId,
  trajectoryId,
  selected,
  unloadedCalls,
  startedAtZero,
  linkFor,
  scroll,
}: {
  steps: StepView[];
  projectId: string;
  trajectoryId: string;
  selected: number | null;
  unloadedCalls: Map<number, string[]>;
  startedAtZero: number | null;
  linkFor: (index: number) => string;
  scroll: ScrollRequest | null;
}) {
  const scroller = useRef<HTMLElement>(null);
  const v = useVirtualizer({
    count: steps.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimate(steps[i]),
    getItemKey: (i) => steps[i].index,
    overscan: 6,
    gap: 8,
    paddingStart: 8,
    paddingEnd: 8,
  });

  // a request is acted on once, when it arrives, with the steps shown at that moment
  // biome-ignore lint/correctness/useExhaustiveDependencies: steps and v are read when the request arrives
  useEffect(() => {
    if (!scroll) return;
    const i = steps.findIndex((s) => s.index === scroll.index);
    if (i >= 0) v.scrollToIndex(i, { align: scroll.align });
  }, [scroll]);

  return (
    <section
      ref={scroller}
      className="min-h-0 flex-1 overflow-y-auto px-2"
      data-testid="timeline"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the step list scrolls with the keyboard
      tabIndex={0}
      aria-label="Steps"
    >
      <div className="relative w-full" style={{ height: v.getTotalSize() }}>
        {v.getVirtualItems().map((item) => {
          const s = steps[item.index];
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={v.measureElement}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <StepCard
                step={s}
                projectId={projectId}
                trajectoryId={trajectoryId}
                selected={selected === s.index}
                unloadedCalls={unloadedCalls.get(s.index)}
                startedAtZero={startedAtZero}
                link={linkFor(s.index)}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}
