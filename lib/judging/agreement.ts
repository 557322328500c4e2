// Judge-versus-human agreement: both sides are mapped onto the same categories, then compared
// by percentage agreement, Cohen's kappa (with a bootstrap interval) and a confusion matrix.
// Browser-safe and pure: the server collects the pairs, this file only counts.
//
// The mapping, stated once:
// - a criterion on the ternary scale (1 / 0.5 / 0) has the categories "1", "0.5", "0"; a score
//   goes to the nearest one (>= 0.75 → "1", >= 0.25 → "0.5", else "0");
// - every other scale (yes/no, a number in [0,1], 1-10 bands, already normalized to [0,1]) has
//   "pass" and "fail": pass at 0.5 or more;
// - a human label is read as a number in [0,1] first: binary true → 1, false → 0; numeric →
//   (value - min) / (max - min); categorical → its value when it is a number in [0,1] ("1", "0.5"),
//   or a word (pass/yes/true/correct/good → 1, partial/partly/half → 0.5,
//   fail/no/false/wrong/incorrect/bad → 0); anything else cannot be compared and is counted apart.

export type CategoryScale = "pass-fail" | "ternary";

export const categoriesOf = (s: CategoryScale): string[] => (s === "ternary" ? ["1", "0.5", "0"] : ["pass", "fail"]);

/** The scale a rubric criterion's scale kind maps to. */
export const categoryScaleOf = (scaleKind: string): CategoryScale =>
  scaleKind === "ternary" ? "ternary" : "pass-fail";

/** A score in [0, 1] as a category of the scale. */
export function categoryOf(s: CategoryScale, value: number): string {
  if (s === "ternary") return value >= 0.75 ? "1" : value >= 0.25 ? "0.5" : "0";
  return value >= 0.5 ? "pass" : "fail";
}

const words: Record<string, number> = {
  pass: 1,
  passed: 1,
  yes: 1,
  true: 1,
  correct: 1,
  good: 1,
  met: 1,
  partial: 0.5,
  partly: 0.5,
  half: 0.5,
  fail: 0,
  failed: 0,
  no: 0,
  false: 0,
  wrong: 0,
  incorrect: 0,
  bad: 0,
  "not met": 0,
};

export type LabelShape = { kind: string; min: number | null; max: number | null };

/** A human label as a number in [0, 1], or null when it cannot be compared with a score. */
export function labelScore(schema: LabelShape, value: unknown): number | null {
  if (schema.kind === "binary") return typeof value === "boolean" ? (value ? 1 : 0) : null;
  if (schema.kind === "numeric") {
    if (typeof value !== "number" || schema.min == null || schema.max == null || schema.max <= schema.min) return null;
    return Math.min(1, Math.max(0, (value - schema.min) / (schema.max - schema.min)));
  }
  // a category named "1" can come back from a jsonb column as the number 1
  if (schema.kind === "categorical" && (typeof value === "string" || typeof value === "number")) {
    const v = String(value).trim().toLowerCase();
    if (v in words) return words[v];
    const n = Number(v);
    return v !== "" && Number.isFinite(n) && n >= 0 && n <= 1 ? n : null;
  }
  return null;
}

export type Pair = { human: string; judge: string };

/** Rows are the human's category, columns the judge's, in the order of `categories`. */
export function confusionMatrix(categories: string[], pairs: Pair[]): number[][] {
  const at = new Map(categories.map((c, i) => [c, i]));
  const m = categories.map(() => categories.map(() => 0));
  for (const p of pairs) {
    const r = at.get(p.human);
    const c = at.get(p.judge);
    if (r !== undefined && c !== undefined) m[r][c]++;
  }
  return m;
}

export type Kappa = { value: number; note: null } | { value: null; note: string };

/** Cohen's kappa from a confusion matrix; undefined (with the reason) where it has no meaning. */
export function kappaOf(matrix: number[][]): Kappa {
  const n = matrix.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) return { value: null, note: "undefined: no pairs to compare" };
  const k = matrix.length;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    observed += matrix[i][i];
    const row = matrix[i].reduce((a, b) => a + b, 0);
    let col = 0;
    for (let j = 0; j < k; j++) col += matrix[j][i];
    expected += (row / n) * (col / n);
  }
  const po = observed / n;
  // both sides used one and the same category throughout: chance explains everything
  if (Math.abs(1 - expected) < 1e-12)
    return { value: null, note: "undefined: both sides gave one category only (expected agreement is 1)" };
  return { value: (po - expected) / (1 - expected), note: null };
}

/** Share of pairs where both sides chose the same category; null with no pairs. */
export function percentAgreement(pairs: Pair[]): number | null {
  if (!pairs.length) return null;
  return pairs.filter((p) => p.human === p.judge).length / pairs.length;
}

/** mulberry32: a small seeded generator, so intervals are the same on every call. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Linear interpolation between order statistics (the usual "type 7" quantile). */
export function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export type Interval = { low: number; high: number; resamples: number; undefinedResamples: number };

/**
 * A percentile bootstrap 95% interval for kappa: resample the pairs with replacement. Resamples
 * where kappa is undefined (all one category) are left out and counted; null when none is left.
 */
export function bootstrapKappa(
  categories: string[],
  pairs: Pair[],
  { resamples = 1000, seed = 1, level = 0.95 }: { resamples?: number; seed?: number; level?: number } = {},
): Interval | null {
  if (!pairs.length) return null;
  const rand = seededRandom(seed);
  const values: number[] = [];
  const sample: Pair[] = new Array(pairs.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < pairs.length; i++) sample[i] = pairs[Math.floor(rand() * pairs.length)];
    const k = kappaOf(confusionMatrix(categories, sample));
    if (k.value !== null) values.push(k.value);
  }
  if (!values.length) return null;
  values.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return {
    low: quantile(values, tail),
    high: quantile(values, 1 - tail),
    resamples,
    undefinedResamples: resamples - values.length,
  };
}

export type Agreement = {
  n: number;
  agreement: number | null;
  kappa: number | null;
  kappaNote: string | null;
  ci: Interval | null;
  matrix: number[][];
};

/** Every figure for one criterion and one judge. */
export function agreementOf(
  categories: string[],
  pairs: Pair[],
  opts?: { resamples?: number; seed?: number },
): Agreement {
  const matrix = confusionMatrix(categories, pairs);
  const k = kappaOf(matrix);
  return {
    n: pairs.length,
    agreement: percentAgreement(pairs),
    kappa: k.value,
    kappaNote: k.note,
    ci: k.value === null ? null : bootstrapKappa(categories, pairs, opts),
    matrix,
  };
}
