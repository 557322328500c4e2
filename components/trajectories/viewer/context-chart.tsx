"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/components/ui/format";
import type { StepView } from "@/lib/trajectories/view-schemas";
import { contextParts } from "./roles";

const H = 120;
const PAD = { l: 36, r: 8, t: 8, b: 18 };
const MAX_POINTS = 400;

const short = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1000 ? `${Math.round(n / 1000)}k` : String(n);

function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [w, setW] = useState(300);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setW(Math.max(160, Math.floor(e.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, w] as const;
}

/**
 * Context tokens over steps as stacked areas (system, tool schemas, history, tool outputs),
 * drawn up to the cursor, with the limit as a dashed line. Hover reads every part at a step;
 * a click moves the cursor there.
 */
export function ContextChart({
  steps,
  cursor,
  limit,
  onPick,
}: {
  steps: StepView[];
  cursor: number;
  limit: number | null;
  onPick?: (index: number) => void;
}) {
  const [ref, width] = useWidth();
  const [hover, setHover] = useState<number | null>(null);
  const n = steps.length;
  const maxY = useMemo(() => {
    let m = limit ?? 0;
    for (const s of steps) if (s.context) m = Math.max(m, total(s.context));
    return Math.max(1, m);
  }, [steps, limit]);
  const innerW = width - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const { x, y } = scales(n, width, maxY);
  const paths = useMemo(() => areaPaths(steps, cursor, width, maxY), [steps, cursor, width, maxY]);

  const shown = hover ?? Math.min(cursor, n - 1);
  const at = steps[shown]?.context;
  const stepAt = (clientX: number, rect: DOMRect) =>
    Math.max(0, Math.min(n - 1, Math.round(((clientX - rect.left - PAD.l) / innerW) * (n - 1))));

  return (
    <div ref={ref} className="flex flex-col gap-1" data-testid="context-chart">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a click is a mouse shortcut; the keyboard steps with the arrow keys */}
      <svg
        width={width}
        height={H}
        className="cursor-crosshair overflow-visible"
        role="img"
        aria-label="Context tokens over steps"
        onMouseMove={(e) => setHover(Math.min(stepAt(e.clientX, e.currentTarget.getBoundingClientRect()), cursor))}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => onPick?.(stepAt(e.clientX, e.currentTarget.getBoundingClientRect()))}
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.l} x2={width - PAD.r} y1={y(maxY * f)} y2={y(maxY * f)} className="stroke-line" />
            <text x={PAD.l - 4} y={y(maxY * f) + 3} textAnchor="end" className="fill-fg-subtle text-[10px]">
              {short(Math.round(maxY * f))}
            </text>
          </g>
        ))}
        {paths.map((d, k) => (
          <path key={contextParts[k].key} d={d} className={cn(contextParts[k].fill, "opacity-80")} />
        ))}
        {limit !== null ? (
          <g>
            <line
              x1={PAD.l}
              x2={width - PAD.r}
              y1={y(limit)}
              y2={y(limit)}
              className="stroke-danger"
              strokeDasharray="4 3"
            />
            <text x={width - PAD.r} y={y(limit) - 3} textAnchor="end" className="fill-danger text-[10px]">
              limit
            </text>
          </g>
        ) : null}
        <line x1={x(shown)} x2={x(shown)} y1={PAD.t} y2={PAD.t + innerH} className="stroke-fg" strokeWidth={1} />
        <text x={PAD.l} y={H - 4} className="fill-fg-subtle text-[10px]">
          step 0
        </text>
        <text x={width - PAD.r} y={H - 4} textAnchor="end" className="fill-fg-subtle text-[10px]">
          {n - 1}
        </text>
      </svg>
      <div className="flex flex-wrap gap-x-3 gap-y-0.5 text-[11px] text-fg-muted tabular-nums">
        <span className="font-medium text-fg">#{shown}</span>
        {contextParts.map((p) => (
          <span key={p.key} className="flex items-center gap-1">
            <span className={cn("size-2 rounded-sm", p.bg)} aria-hidden="true" />
            {p.label} {at ? formatNumber(at[p.key]) : "—"}
          </span>
        ))}
      </div>
    </div>
  );
}

function scales(n: number, width: number, maxY: number) {
  const innerW = width - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  return {
    x: (i: number) => PAD.l + (n <= 1 ? 0 : (i / (n - 1)) * innerW),
    y: (v: number) => PAD.t + innerH - (v / maxY) * innerH,
  };
}

/** One closed path per context part, up to the cursor, at most MAX_POINTS points each. */
function areaPaths(steps: StepView[], cursor: number, width: number, maxY: number) {
  const { x, y } = scales(steps.length, width, maxY);
  const last = Math.min(cursor, steps.length - 1);
  const every = Math.max(1, Math.ceil((last + 1) / MAX_POINTS));
  const idx: number[] = [];
  for (let i = 0; i <= last; i += every) idx.push(i);
  if (idx.at(-1) !== last && last >= 0) idx.push(last);
  return contextParts.map((_, k) => {
    if (!idx.length) return "";
    const upper = idx.map((i) => `${x(i).toFixed(1)},${y(stacked(steps[i], k + 1)).toFixed(1)}`);
    const lower = [...idx].reverse().map((i) => `${x(i).toFixed(1)},${y(stacked(steps[i], k)).toFixed(1)}`);
    return `M${upper.join("L")}L${lower.join("L")}Z`;
  });
}

const total = (c: NonNullable<StepView["context"]>) => c.system + c.toolSchemas + c.history + c.toolOutputs;

/** Sum of the first k parts at a step (0 for steps without counts). */
function stacked(s: StepView | undefined, k: number) {
  if (!s?.context) return 0;
  let v = 0;
  for (let i = 0; i < k; i++) v += s.context[contextParts[i].key];
  return v;
}
