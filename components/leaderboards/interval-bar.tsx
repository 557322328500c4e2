import type { LeaderboardRow } from "@/lib/leaderboards/schemas";
import { hasInterval } from "@/lib/leaderboards/stats";

/** The mean and its interval on a 0–1 track; drawn only for rewards on that scale. */
export function IntervalBar({ row }: { row: LeaderboardRow }) {
  const { meanReward: m, interval: ci } = row;
  if (m === null || !hasInterval(ci) || ci.low < 0 || ci.high > 1) return null;
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  return (
    <span aria-hidden className="relative inline-block h-2 w-14 shrink-0 rounded-full bg-hover">
      <span
        className="absolute inset-y-0 rounded-full bg-accent/35"
        style={{ left: pct(ci.low), width: `max(2px, ${pct(ci.high - ci.low)})` }}
      />
      <span className="absolute -inset-y-0.5 w-0.5 -translate-x-1/2 rounded-full bg-accent" style={{ left: pct(m) }} />
    </span>
  );
}
