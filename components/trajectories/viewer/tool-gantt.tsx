"use client";
import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { type ToolTimeline, toolSummaryAt } from "@/lib/trajectories/tool-timeline";

const ROWS = 24;

/**
 * One row per tool: when it was loaded (a bar from load to unload) and where it was called
 * (ticks; red when the tool was not loaded then), up to the cursor. Below, the tools loaded but
 * never used and the calls to tools not loaded.
 */
export function ToolGantt({
  timeline,
  cursor,
  stepCount,
  onPick,
}: {
  timeline: ToolTimeline;
  cursor: number;
  stepCount: number;
  onPick: (index: number) => void;
}) {
  const [all, setAll] = useState(false);
  const summary = useMemo(() => toolSummaryAt(timeline, cursor), [timeline, cursor]);
  const rows = timeline.rows.filter(
    (r) => r.intervals.some(([s]) => s <= cursor) || r.calls.some((c) => c.step <= cursor),
  );
  const span = Math.max(1, stepCount - 1);
  const pos = (i: number) => `${(Math.max(0, i) / span) * 100}%`;
  return (
    <div className="flex flex-col gap-2" data-testid="tool-gantt">
      {!timeline.recorded ? (
        <p
          className="rounded-md border border-dashed border-line-strong px-2 py-1.5 text-xs text-fg-muted"
          data-testid="tools-not-recorded"
        >
          Loaded-tool set not recorded: this episode has no <code>initialTools</code> and no <code>toolsLoaded</code>,
          so calls are not checked against it. Below: where each tool was called.
        </p>
      ) : (
        <p className="text-xs text-fg-muted">
          <span className="font-medium text-fg tabular-nums">{summary.loadedNow}</span> tools loaded at step {cursor}
        </p>
      )}
      {rows.length === 0 ? <p className="text-xs text-fg-subtle">No tool loaded or called up to this step.</p> : null}
      <ul className="flex flex-col gap-0.5">
        {(all ? rows : rows.slice(0, ROWS)).map((r) => (
          <li key={r.name} className="grid grid-cols-[7.5rem_1fr] items-center gap-2">
            <span className="truncate font-mono text-[11px] text-fg-muted" title={r.name}>
              {r.name}
            </span>
            <span className="relative h-3 rounded-sm bg-hover">
              {r.intervals
                .filter(([s]) => s <= cursor)
                .map(([s, e]) => {
                  const end = Math.min(e ?? cursor, cursor);
                  return (
                    <span
                      key={s}
                      className="absolute inset-y-0 rounded-sm bg-warning/40"
                      style={{ left: pos(s), width: `max(2px, ${((end - Math.max(0, s)) / span) * 100}%)` }}
                      title={`${r.name}: loaded ${s < 0 ? "from the start" : `at step ${s}`}${e !== null && e <= cursor ? `, unloaded at step ${e}` : ""}`}
                    />
                  );
                })}
              {r.calls
                .filter((c) => c.step <= cursor)
                .map((c) => (
                  <button
                    type="button"
                    tabIndex={-1}
                    key={`${c.step}`}
                    onClick={() => onPick(c.step)}
                    className={cn(
                      "absolute inset-y-0 w-[3px] -translate-x-1/2 rounded-[1px]",
                      c.loaded ? "bg-accent" : "bg-danger",
                    )}
                    style={{ left: pos(c.step) }}
                    title={`${r.name} called at step ${c.step}${c.loaded ? "" : " while not loaded"}`}
                    aria-label={`Go to step ${c.step}: ${r.name} call`}
                  />
                ))}
            </span>
          </li>
        ))}
      </ul>
      {rows.length > ROWS ? (
        <button
          type="button"
          onClick={() => setAll((v) => !v)}
          className="self-start text-xs text-accent hover:underline"
        >
          {all ? "Show fewer tools" : `Show all ${rows.length} tools`}
        </button>
      ) : null}
      <div className="flex flex-wrap gap-x-3 text-[11px] text-fg-subtle">
        <span className="flex items-center gap-1">
          <span className="h-2 w-3 rounded-sm bg-warning/40" /> loaded
        </span>
        <span className="flex items-center gap-1">
          <span className="h-2 w-[3px] bg-accent" /> call
        </span>
        <span className="flex items-center gap-1">
          <span className="h-2 w-[3px] bg-danger" /> call while not loaded
        </span>
      </div>
      {timeline.recorded ? (
        <div className="flex flex-col gap-1.5 text-xs" data-testid="tool-findings">
          <Finding title="Loaded, never used" empty="Every loaded tool was used.">
            {summary.neverUsed.map((t) => (
              <span key={t} className="rounded bg-hover px-1 font-mono text-[11px] text-fg-muted">
                {t}
              </span>
            ))}
          </Finding>
          <Finding title="Called while not loaded" empty="No call to a tool that was not loaded.">
            {summary.calledNotLoaded.map((c) => (
              <button
                type="button"
                key={c.name}
                onClick={() => onPick(c.steps[0])}
                className="rounded bg-danger-soft px-1 font-mono text-[11px] text-danger hover:underline"
                title={`steps ${c.steps.join(", ")}`}
              >
                {c.name} ×{c.steps.length}
              </button>
            ))}
          </Finding>
        </div>
      ) : null}
    </div>
  );
}

function Finding({ title, empty, children }: { title: string; empty: string; children: React.ReactNode[] }) {
  return (
    <div>
      <h4 className="mb-0.5 text-[11px] font-medium tracking-wide text-fg-subtle uppercase">
        {title} {children.length ? `(${children.length})` : ""}
      </h4>
      {children.length ? (
        <div className="flex flex-wrap gap-1">{children}</div>
      ) : (
        <p className="text-fg-subtle">{empty}</p>
      )}
    </div>
  );
}
