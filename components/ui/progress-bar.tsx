import { cn } from "./cn";
import { formatDuration, formatNumber, formatRate } from "./format";

export type ProgressTone = "accent" | "success" | "danger" | "neutral";

const fills: Record<ProgressTone, string> = {
  accent: "bg-accent",
  success: "bg-success",
  danger: "bg-danger",
  neutral: "bg-fg-subtle",
};

/**
 * A progress bar with done/total, rate and ETA. An unknown total shows a moving bar.
 * data-done / data-total let tests and tools read the exact numbers.
 */
export function ProgressBar({
  done,
  total,
  rate,
  etaSeconds,
  tone = "accent",
  active = true,
  unit = "steps",
  compact,
  className,
  testId,
}: {
  done: number;
  total: number | null;
  rate?: number | null;
  etaSeconds?: number | null;
  tone?: ProgressTone;
  /** false once the work has stopped: no ETA, no moving bar */
  active?: boolean;
  unit?: string;
  compact?: boolean;
  className?: string;
  testId?: string;
}) {
  const pct = total && total > 0 ? Math.min(100, (done / total) * 100) : null;
  const label =
    total !== null ? `${formatNumber(done)} / ${formatNumber(total)} ${unit}` : `${formatNumber(done)} ${unit}`;
  return (
    <div
      className={cn("flex min-w-0 flex-col gap-1", className)}
      data-testid={testId}
      data-done={done}
      data-total={total ?? ""}
    >
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total !== null ? done : undefined}
        aria-valuetext={label}
        className={cn("relative w-full overflow-hidden rounded-full bg-hover", compact ? "h-1.5" : "h-2")}
      >
        {pct !== null ? (
          <div
            className={cn("h-full rounded-full transition-[width] duration-500", fills[tone])}
            style={{ width: `${pct}%` }}
          />
        ) : active ? (
          <div
            className={cn("absolute inset-y-0 w-2/5 rounded-full", fills[tone])}
            style={{ animation: "atlas-indeterminate 1.3s ease-in-out infinite" }}
          />
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-fg-muted tabular-nums">
        <span>
          {label}
          {pct !== null ? (
            <span className="text-fg-subtle"> · {pct < 10 ? pct.toFixed(1) : Math.floor(pct)}%</span>
          ) : null}
        </span>
        {!compact && rate ? <span>{formatRate(rate, unit)}</span> : null}
        {active && etaSeconds !== null && etaSeconds !== undefined ? (
          <span>ETA {formatDuration(etaSeconds)}</span>
        ) : null}
      </div>
    </div>
  );
}
