"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "@/components/api/client";
import { useProject } from "@/components/projects/project-context";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { shortId } from "@/components/ui/format";
import { useShortcut } from "@/components/ui/shortcuts";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { alignSteps, firstDivergence } from "@/lib/trajectories/align";
import type { TrajectoryView } from "@/lib/trajectories/view-schemas";
import { useTrajectory } from "../viewer/queries";
import { DiffRow } from "./diff-row";
import { DiffSummary } from "./diff-summary";
import { TrajectoryPicker } from "./trajectory-picker";

/** Two trajectories side by side, aligned step by step, opened at their first divergence. */
export function TrajectoryDiff() {
  const project = useProject();
  const url = useUrlQuery();
  const aId = url.get("a") || null;
  const bId = url.get("b") || null;
  const a = useTrajectory(project.id, aId);
  const b = useTrajectory(project.id, bId);
  const base = `/projects/${project.id}/trajectories`;

  const suggestionsFor = (other: TrajectoryView | undefined, self: string | null) =>
    (other?.sameTask ?? []).filter((s) => s.id !== self && s.id !== other?.id);
  const loadError = (q: typeof a, side: string) =>
    q.isError
      ? `${side}: ${q.error instanceof ApiError && q.error.status === 404 ? "this trajectory is not in this project" : q.error.message}`
      : null;

  return (
    <div className="flex h-[calc(100dvh-108px)] min-h-[480px] flex-col gap-3" data-testid="trajectory-diff">
      <header className="flex flex-col gap-2">
        <div className="flex items-center gap-3">
          <h1 className="text-lg font-semibold tracking-tight text-fg">Compare trajectories</h1>
          {aId && bId ? (
            <Button size="sm" variant="ghost" onClick={() => url.set({ a: bId, b: aId })}>
              Swap A and B
            </Button>
          ) : null}
          <span className="ml-auto flex gap-2">
            {aId ? (
              <ButtonLink size="sm" variant="ghost" href={`${base}/${aId}`}>
                Open A
              </ButtonLink>
            ) : null}
            {bId ? (
              <ButtonLink size="sm" variant="ghost" href={`${base}/${bId}`}>
                Open B
              </ButtonLink>
            ) : null}
          </span>
        </div>
        <div className="grid grid-cols-2 gap-4">
          <TrajectoryPicker
            side="A"
            value={aId}
            suggestions={suggestionsFor(b.data, aId)}
            onChange={(id) => url.set({ a: id })}
          />
          <TrajectoryPicker
            side="B"
            value={bId}
            suggestions={suggestionsFor(a.data, bId)}
            onChange={(id) => url.set({ b: id })}
          />
        </div>
        <ErrorText message={loadError(a, "A")} />
        <ErrorText message={loadError(b, "B")} />
      </header>
      {!aId || !bId ? (
        <EmptyState title={aId ? "Choose a trajectory to compare with" : "Choose two trajectories"}>
          <p>
            Pick B among the other runs of the same task above, or paste any trajectory id. From a trajectory, the
            Compare button opens this page with it as A; its details list the other runs of its task with a Diff link.
          </p>
        </EmptyState>
      ) : a.isPending || b.isPending ? (
        <SkeletonBlock lines={8} />
      ) : a.data && b.data ? (
        <Aligned a={a.data} b={b.data} projectId={project.id} />
      ) : null}
    </div>
  );
}

function Aligned({ a, b, projectId }: { a: TrajectoryView; b: TrajectoryView; projectId: string }) {
  const pairs = useMemo(() => alignSteps(a.steps, b.steps), [a, b]);
  const first = useMemo(() => firstDivergence(pairs), [pairs]);
  const divergences = useMemo(() => pairs.flatMap((p, i) => (p.kind === "same" ? [] : [i])), [pairs]);
  const [selected, setSelected] = useState(Math.max(first, 0));
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set());
  const scroller = useRef<HTMLElement>(null);
  const v = useVirtualizer({
    count: pairs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 6,
    gap: 6,
    paddingStart: 6,
    paddingEnd: 6,
  });
  const go = useCallback(
    (i: number, align: "center" | "auto" = "center") => {
      const n = Math.max(0, Math.min(pairs.length - 1, i));
      setSelected(n);
      v.scrollToIndex(n, { align });
    },
    [pairs.length, v],
  );
  // open at the first divergence
  useEffect(() => {
    if (first >= 0) go(first);
  }, [first, go]);

  const nextDivergence = (d: 1 | -1) => {
    const i = d > 0 ? divergences.find((x) => x > selected) : divergences.findLast((x) => x < selected);
    if (i !== undefined) go(i);
  };
  useShortcut("j", "Next row", () => go(selected + 1, "auto"), { group: "Diff" });
  useShortcut("k", "Previous row", () => go(selected - 1, "auto"), { group: "Diff" });
  useShortcut("n", "Next difference", () => nextDivergence(1), { group: "Diff" });
  useShortcut("p", "Previous difference", () => nextDivergence(-1), { group: "Diff" });
  useShortcut("d", "First divergence", () => first >= 0 && go(first), { group: "Diff" });
  useShortcut("o", "Show or compact the selected row", () => toggle(selected), { group: "Diff" });
  const toggle = (i: number) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(i)) n.delete(i);
      else n.add(i);
      return n;
    });

  const firstPair = first >= 0 ? pairs[first] : null;
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-line bg-raised px-3 py-2">
        <DiffSummary a={a} b={b} pairs={pairs} />
        <div className="flex flex-col items-end gap-1.5 text-xs" data-testid="divergence-banner">
          {firstPair ? (
            <>
              <span className="text-fg-muted">
                First divergence at A step {firstPair.a ?? "—"} / B step {firstPair.b ?? "—"}
              </span>
              <span className="flex gap-1.5">
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => nextDivergence(-1)}
                  title="Previous difference (p)"
                >
                  ↑
                </Button>
                <Button size="sm" variant="primary" onClick={() => go(first)} data-testid="jump-divergence">
                  Jump to first divergence (d)
                </Button>
                <Button size="sm" variant="secondary" onClick={() => nextDivergence(1)} title="Next difference (n)">
                  ↓
                </Button>
              </span>
            </>
          ) : (
            <span className="text-success">
              Same tools with the same arguments at every step
              {a.id === b.id ? " (A and B are the same trajectory)" : ""}
            </span>
          )}
        </div>
      </div>
      <div className="grid shrink-0 grid-cols-2 gap-0 px-3 text-xs font-semibold text-accent">
        <span>
          A · <span className="font-mono font-normal text-fg-muted">{shortId(a.id)}</span>
        </span>
        <span className="pl-2">
          B · <span className="font-mono font-normal text-fg-muted">{shortId(b.id)}</span>
        </span>
      </div>
      <section
        ref={scroller}
        className="min-h-0 flex-1 overflow-y-auto rounded-lg border border-line bg-panel px-2"
        data-testid="diff-rows"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the rows scroll with the keyboard
        tabIndex={0}
        aria-label="Aligned steps"
      >
        <div className="relative w-full" style={{ height: v.getTotalSize() }}>
          {v.getVirtualItems().map((item) => {
            const p = pairs[item.index];
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={v.measureElement}
                className="absolute top-0 left-0 w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <DiffRow
                  pair={p}
                  a={{ step: p.a === null ? null : a.steps[p.a], projectId, trajectoryId: a.id }}
                  b={{ step: p.b === null ? null : b.steps[p.b], projectId, trajectoryId: b.id }}
                  first={item.index === first}
                  selected={item.index === selected}
                  expanded={expanded.has(item.index)}
                  onToggle={() => toggle(item.index)}
                />
              </div>
            );
          })}
        </div>
      </section>
    </>
  );
}
