import { Badge, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDuration, formatNumber } from "@/components/ui/format";
import type { OutcomeFilter } from "@/lib/trajectories/schemas";

export const outcomeTone: Record<OutcomeFilter, Tone> = {
  pass: "success",
  partial: "warning",
  fail: "danger",
  error: "info",
  none: "neutral",
};

export function OutcomeBadge({ outcome }: { outcome: string | null }) {
  if (!outcome) return <span className="text-fg-subtle">—</span>;
  return (
    <Badge tone={outcomeTone[outcome as OutcomeFilter] ?? "neutral"} dot>
      {outcome}
    </Badge>
  );
}

const Missing = ({ title, testId }: { title: string; testId?: string }) => (
  <span className="text-fg-subtle" title={title} data-testid={testId}>
    —
  </span>
);

export function Reward({ value }: { value: number | null }) {
  if (value === null) return <Missing title="No reward recorded" testId="reward" />;
  return (
    <span className="font-mono text-xs text-fg" data-testid="reward">
      {value.toFixed(3)}
    </span>
  );
}

export function Count({ value, danger }: { value: number; danger?: boolean }) {
  return (
    <span
      className={cn("tabular-nums", value === 0 ? "text-fg-subtle" : danger ? "font-medium text-danger" : "text-fg")}
    >
      {formatNumber(value)}
    </span>
  );
}

/** 1234 -> "1.2k", 123456 -> "123k" */
export const compactTokens = (n: number) =>
  n < 1000 ? String(n) : n < 10_000 ? `${(n / 1000).toFixed(1)}k` : `${Math.round(n / 1000)}k`;

/** Peak context in tokens, with a thin bar against the context limit when the file gave one. */
export function PeakContext({ tokens, limit }: { tokens: number | null; limit: number | null }) {
  if (tokens === null) return <Missing title="No context accounting" />;
  const share = limit ? tokens / limit : null;
  const title = limit
    ? `${formatNumber(tokens)} of ${formatNumber(limit)} tokens at the peak (${Math.round((share ?? 0) * 100)}% of the context limit)`
    : `${formatNumber(tokens)} tokens at the peak; no context limit recorded`;
  return (
    <span className="flex min-w-0 flex-col gap-0.5" title={title} data-testid="peak-context">
      <span className="text-xs tabular-nums text-fg">
        {compactTokens(tokens)}
        {limit ? <span className="text-fg-subtle"> / {compactTokens(limit)}</span> : null}
      </span>
      {share !== null ? (
        <span className="block h-1 w-full overflow-hidden rounded-full bg-hover" aria-hidden="true">
          <span
            className={cn(
              "block h-full rounded-full",
              share > 0.9 ? "bg-danger" : share > 0.7 ? "bg-warning" : "bg-accent",
            )}
            style={{ width: `${Math.min(100, share * 100)}%` }}
          />
        </span>
      ) : null}
    </span>
  );
}

export function Duration({ ms }: { ms: number | null }) {
  if (ms === null) return <Missing title="No step latencies recorded" />;
  const text = ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms / 1000);
  return <span className="text-xs tabular-nums text-fg-muted">{text}</span>;
}
