"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { LeaderboardRow } from "@/lib/leaderboards/schemas";
import { hasInterval } from "@/lib/leaderboards/stats";
import { fmtScore, fmtTokens, intervalText, runHref, strategyColor, strategyLabel } from "./format";

const HEIGHT = 300;
// the top margin leaves room for the label of a point at the highest score
const M = { top: 24, right: 28, bottom: 40, left: 52 };

/** About `count` round ticks from at or below lo to at or above hi. */
function ticks(lo: number, hi: number, count = 5) {
  const raw = (hi - lo) / count || 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  const last = Math.ceil(hi / step - 1e-9) * step;
  for (let v = Math.floor(lo / step + 1e-9) * step; v <= last + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(320, Math.floor(e.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}

type Point = LeaderboardRow & { meanReward: number; meanPeakContextTokens: number };

/** Mean reward against mean peak context tokens, one point per run, with the Pareto front drawn. */
export function ScoreChart({ projectId, rows, front }: { projectId: string; rows: LeaderboardRow[]; front: string[] }) {
  const { ref, width } = useWidth();
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [active, setActive] = useState<string | null>(null);
  const all = rows.filter((r): r is Point => r.meanReward !== null && r.meanPeakContextTokens !== null);
  const strategies = [...new Set(all.map((r) => r.strategy ?? "none"))];
  const points = all.filter((r) => !hidden.has(r.strategy ?? "none"));

  const scale = (() => {
    const xs = all.map((r) => r.meanPeakContextTokens);
    const ys = all.flatMap((r) =>
      hasInterval(r.interval) ? [r.meanReward, r.interval.low, r.interval.high] : [r.meanReward],
    );
    const unit = ys.every((y) => y >= 0 && y <= 1);
    const yLo = unit ? 0 : Math.min(0, ...ys);
    const yHi = unit ? 1 : Math.max(...ys, yLo + 1);
    const xTicks = ticks(0, Math.max(...xs, 1) * 1.04);
    const xHi = xTicks[xTicks.length - 1];
    const yTicks = ticks(yLo, yHi, 4);
    const y0 = yTicks[0];
    const y1 = yTicks[yTicks.length - 1];
    const w = width - M.left - M.right;
    const h = HEIGHT - M.top - M.bottom;
    return {
      x: (v: number) => M.left + (v / xHi) * w,
      y: (v: number) => M.top + h - ((v - y0) / (y1 - y0 || 1)) * h,
      xTicks,
      yTicks,
      right: M.left + w,
      bottom: M.top + h,
    };
  })();

  const frontPoints = front.map((id) => points.find((p) => p.runId === id)).filter((p): p is Point => Boolean(p));
  const path = frontPoints
    .map((p, i) => {
      const x = scale.x(p.meanPeakContextTokens).toFixed(1);
      const y = scale.y(p.meanReward).toFixed(1);
      return i === 0 ? `M${x},${y}` : `H${x}V${y}`;
    })
    .join("");
  const shown = points.find((p) => p.runId === active);

  return (
    <section
      className="rounded-lg border border-line bg-raised p-3"
      data-testid="lb-chart"
      aria-label="Score against context"
    >
      <div className="mb-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-fg-muted">
        <span className="font-medium text-fg">Mean reward vs. mean peak context tokens</span>
        <span>bars: 95% interval</span>
        <span className="inline-flex items-center gap-1.5">
          <svg width="18" height="8" aria-hidden>
            <path d="M1,7H9V1H17" fill="none" stroke="var(--accent)" strokeWidth="1.5" strokeDasharray="3 2" />
          </svg>
          Pareto front (less context, more score)
        </span>
        <span className="ml-auto flex flex-wrap gap-1">
          {strategies.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={!hidden.has(s)}
              onClick={() =>
                setHidden((h) => {
                  const next = new Set(h);
                  if (!next.delete(s)) next.add(s);
                  return next;
                })
              }
              className="inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 hover:bg-hover aria-[pressed=false]:opacity-45 focus-visible:outline-2 focus-visible:outline-accent"
              title={hidden.has(s) ? `Show ${strategyLabel(s)}` : `Hide ${strategyLabel(s)}`}
            >
              <span className="size-2 rounded-full" style={{ background: strategyColor(s) }} />
              {strategyLabel(s === "none" ? null : s)}
            </button>
          ))}
        </span>
      </div>
      <div ref={ref} className="relative">
        {all.length === 0 ? (
          <p className="flex items-center justify-center text-sm text-fg-muted" style={{ height: HEIGHT }}>
            A point per run appears here once a run has scored episodes with context token counts.
          </p>
        ) : (
          <svg width={width} height={HEIGHT} role="img" aria-label="Runs by mean reward and mean peak context tokens">
            {scale.yTicks.map((t) => (
              <g key={`y${t}`}>
                <line x1={M.left} x2={scale.right} y1={scale.y(t)} y2={scale.y(t)} stroke="var(--line)" />
                <text x={M.left - 8} y={scale.y(t) + 4} textAnchor="end" fontSize="11" fill="var(--fg-subtle)">
                  {t.toFixed(2)}
                </text>
              </g>
            ))}
            {scale.xTicks.map((t) => (
              <g key={`x${t}`}>
                <line
                  x1={scale.x(t)}
                  x2={scale.x(t)}
                  y1={scale.bottom}
                  y2={scale.bottom + 4}
                  stroke="var(--line-strong)"
                />
                <text x={scale.x(t)} y={scale.bottom + 16} textAnchor="middle" fontSize="11" fill="var(--fg-subtle)">
                  {fmtTokens(t)}
                </text>
              </g>
            ))}
            <line x1={M.left} x2={scale.right} y1={scale.bottom} y2={scale.bottom} stroke="var(--line-strong)" />
            <text
              x={(M.left + scale.right) / 2}
              y={HEIGHT - 4}
              textAnchor="middle"
              fontSize="11"
              fill="var(--fg-muted)"
            >
              mean peak context (tokens)
            </text>
            <text
              transform={`translate(12 ${(M.top + scale.bottom) / 2}) rotate(-90)`}
              textAnchor="middle"
              fontSize="11"
              fill="var(--fg-muted)"
            >
              mean reward
            </text>
            {path ? (
              <path
                d={path}
                fill="none"
                stroke="var(--accent)"
                strokeWidth="1.5"
                strokeDasharray="4 3"
                data-testid="lb-front"
              />
            ) : null}
            {points.map((p) => {
              const cx = scale.x(p.meanPeakContextTokens);
              const cy = scale.y(p.meanReward);
              const on = p.runId === active;
              return (
                <Link
                  key={p.runId}
                  href={runHref(projectId, p.runId)}
                  aria-label={`${p.runName}: mean reward ${fmtScore(p.meanReward)}, ${fmtTokens(p.meanPeakContextTokens)} context tokens`}
                  onMouseEnter={() => setActive(p.runId)}
                  onMouseLeave={() => setActive(null)}
                  onFocus={() => setActive(p.runId)}
                  onBlur={() => setActive(null)}
                  className="outline-none"
                  data-testid="lb-point"
                >
                  {hasInterval(p.interval) ? (
                    <g stroke={strategyColor(p.strategy)} strokeOpacity={0.55} strokeWidth={1.5}>
                      <line x1={cx} x2={cx} y1={scale.y(p.interval.low)} y2={scale.y(p.interval.high)} />
                      <line x1={cx - 4} x2={cx + 4} y1={scale.y(p.interval.low)} y2={scale.y(p.interval.low)} />
                      <line x1={cx - 4} x2={cx + 4} y1={scale.y(p.interval.high)} y2={scale.y(p.interval.high)} />
                    </g>
                  ) : null}
                  {p.paretoOptimal ? (
                    <circle cx={cx} cy={cy} r={9} fill="none" stroke="var(--accent)" strokeWidth="1.5" />
                  ) : null}
                  <circle
                    cx={cx}
                    cy={cy}
                    r={on ? 6.5 : 5}
                    fill={strategyColor(p.strategy)}
                    stroke={on ? "var(--fg)" : "var(--raised)"}
                    strokeWidth={on ? 2 : 1.5}
                  />
                  <text
                    x={cx > scale.right - 60 ? cx - 9 : cx + 9}
                    y={cy - 9}
                    textAnchor={cx > scale.right - 60 ? "end" : "start"}
                    fontSize="11"
                    fill="var(--fg-muted)"
                  >
                    {strategyLabel(p.strategy)}
                  </text>
                </Link>
              );
            })}
          </svg>
        )}
        {shown ? (
          <Tip row={shown} x={scale.x(shown.meanPeakContextTokens)} y={scale.y(shown.meanReward)} width={width} />
        ) : null}
      </div>
    </section>
  );
}

function Tip({ row: r, x, y, width }: { row: Point; x: number; y: number; width: number }) {
  const left = x > width - 260;
  return (
    <div
      role="status"
      className="pointer-events-none absolute z-10 w-60 rounded-md border border-line bg-raised px-2.5 py-2 text-xs shadow-[var(--shadow)]"
      style={{ top: Math.max(0, y - 20), ...(left ? { right: width - x + 14 } : { left: x + 14 }) }}
      data-testid="lb-tip"
    >
      <div className="truncate font-medium text-fg">{r.runName}</div>
      <div className="truncate text-fg-muted">
        {[r.policyName, r.policyModel].filter(Boolean).join(" · ") || "—"} · {strategyLabel(r.strategy)}
        {r.checkpoint ? ` · ${r.checkpoint}` : ""}
      </div>
      <div className="mt-1 tabular-nums text-fg">
        reward {fmtScore(r.meanReward)} <span className="text-fg-muted">{intervalText(r) ?? ""}</span>
      </div>
      <div className="tabular-nums text-fg">{fmtTokens(r.meanPeakContextTokens)} context tokens</div>
      {r.paretoOptimal ? <div className="mt-1 text-accent">on the Pareto front</div> : null}
      <div className="mt-1 text-fg-subtle">Enter or click opens the run</div>
    </div>
  );
}
