// Criterion scores to one reward. A criterion that could not be judged (null) is left out and
// reported, never counted as 0; when nothing could be judged the reward is null.
import { type Aggregation, type Criterion, normalize } from "./model";

export type Aggregated = {
  reward: number | null;
  /** coverage-pass only */
  passed: boolean | null;
  notJudged: string[];
  /** essential-gate: the essential criteria that failed */
  gatedBy: string[];
};

type Scored = { c: Criterion; s: number };

/** Positive criteria as a weighted mean; pitfalls (negative weights) subtract their share. */
function weightedMean(items: Scored[]): number | null {
  const positive = items.filter((i) => i.c.weight > 0);
  const total = positive.reduce((n, i) => n + i.c.weight, 0);
  const penalties = items.filter((i) => i.c.weight < 0);
  const lost = penalties.reduce((n, i) => n - i.c.weight * i.s, 0);
  // only pitfalls judged: 1 when none happened, down to 0 when all did
  if (!total) return penalties.length ? 1 - lost / penalties.reduce((n, i) => n - i.c.weight, 0) : null;
  const gained = positive.reduce((n, i) => n + i.c.weight * i.s, 0);
  return Math.min(1, Math.max(0, (gained - lost) / total));
}

export function aggregate(
  criteria: Criterion[],
  rule: Aggregation,
  scores: Record<string, number | null | undefined>,
): Aggregated {
  const notJudged = criteria.filter((c) => scores[c.id] == null).map((c) => c.id);
  const judged: Scored[] = criteria
    .filter((c) => scores[c.id] != null)
    .map((c) => ({ c, s: normalize(c.scale, scores[c.id] as number) }));
  const base = { passed: null, notJudged, gatedBy: [] as string[] };
  switch (rule.rule) {
    case "weighted-mean":
      return { ...base, reward: weightedMean(judged) };
    case "coverage-pass": {
      const reward = weightedMean(judged);
      return { ...base, reward, passed: reward === null ? null : reward >= rule.threshold };
    }
    case "essential-gate": {
      const gatedBy = judged
        .filter((i) => i.c.category === rule.category && i.c.weight > 0 && i.s < 1)
        .map((i) => i.c.id);
      return { ...base, gatedBy, reward: gatedBy.length ? 0 : weightedMean(judged) };
    }
    case "holistic": {
      const one = judged.find((i) => i.c.id === rule.criterionId);
      return { ...base, reward: one ? one.s : null };
    }
    case "category-weighted": {
      let sum = 0;
      let weights = 0;
      for (const [category, w] of Object.entries(rule.weights)) {
        const mean = weightedMean(judged.filter((i) => i.c.category === category));
        if (mean === null) continue;
        sum += w * mean;
        weights += w;
      }
      return { ...base, reward: weights ? sum / weights : null };
    }
  }
}
