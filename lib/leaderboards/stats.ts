// Leaderboard statistics: means with a percentile bootstrap interval, pass rates and the
// Pareto front of context cost against score. Pure and browser-safe.

export const BOOTSTRAP_RESAMPLES = 2000;
export const CONFIDENCE = 0.95;
// One fixed seed: the same episodes give the same interval on every page load.
export const BOOTSTRAP_SEED = 0x5eed_2026;

export type Interval = { low: number; high: number } | { low?: undefined; high?: undefined; reason: string };

export const mean = (xs: ArrayLike<number>): number | null => {
  if (xs.length === 0) return null;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
};

/** The q-quantile of sorted values, interpolating linearly between neighbours (R's type 7). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Percentile bootstrap interval of the mean: `resamples` means of n draws with replacement,
 * and their (1-confidence)/2 and (1+confidence)/2 quantiles. One value has no spread to
 * resample, so n < 2 gives no interval and says why.
 */
export function bootstrapMeanInterval(
  xs: ArrayLike<number>,
  { resamples = BOOTSTRAP_RESAMPLES, confidence = CONFIDENCE, seed = BOOTSTRAP_SEED } = {},
): Interval {
  const n = xs.length;
  if (n === 0) return { reason: "no scored episodes" };
  if (n === 1) return { reason: "one scored episode: an interval needs at least two" };
  const values = Float64Array.from(xs as ArrayLike<number>);
  const means = new Float64Array(resamples);
  // mulberry32 inlined: this loop runs resamples × n times (2 million for 1000 episodes)
  let a = seed >>> 0;
  for (let b = 0; b < resamples; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      s += values[((((t ^ (t >>> 14)) >>> 0) * n) / 4294967296) | 0];
    }
    means[b] = s / n;
  }
  means.sort();
  const tail = (1 - confidence) / 2;
  return { low: quantile(means, tail), high: quantile(means, 1 - tail) };
}

/** Share of episodes that passed; null when there are none. */
export const passRate = (passes: number, total: number) => (total > 0 ? passes / total : null);

export type FrontPoint = { id: string; x: number | null; y: number | null };

/**
 * Ids of the points no other point beats: a point is dominated when another has no more
 * context (x) and no less score (y), and is strictly better in one. Points missing either
 * value take no part. Equal points are all on the front.
 */
export function paretoFront(points: FrontPoint[]): string[] {
  const valued = points.filter(
    (p): p is { id: string; x: number; y: number } => p.x !== null && p.y !== null && Number.isFinite(p.x + p.y),
  );
  return valued
    .filter((p) => !valued.some((q) => q.x <= p.x && q.y >= p.y && (q.x < p.x || q.y > p.y)))
    .sort((a, b) => a.x - b.x || b.y - a.y)
    .map((p) => p.id);
}

export const hasInterval = (i: object): i is { low: number; high: number } =>
  "low" in i && typeof i.low === "number" && "high" in i && typeof i.high === "number";
