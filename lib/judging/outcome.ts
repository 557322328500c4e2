// Which verifier scores each criterion, and criterion results to a reward. Shared by the engine,
// the results of a judging run and the reward API, so all three aggregate the same way.
import { aggregate } from "@/lib/rubrics/aggregate";
import type { Aggregation, Criterion } from "@/lib/rubrics/model";
import { type CriterionResult, PROGRAM_JUDGE_KEY, type RewardOutcome } from "./schemas";

export type ChosenJudge = { kind: "model" | "onnx"; key: string } | null;

/** The judging cache key of the criterion's verifier, or null when no chosen judge can score it. */
export function judgeKeyFor(c: Criterion, judge: ChosenJudge): string | null {
  if (c.verifier.kind === "program") return PROGRAM_JUDGE_KEY;
  return judge && judge.kind === c.verifier.kind ? judge.key : null;
}

export const notJudgedReason = (c: Criterion) => `not judged: no ${c.verifier.kind} judge chosen`;
export const PENDING = "pending";

export const emptyResult = (criterionId: string, error: string): CriterionResult => ({
  criterionId,
  value: null,
  raw: null,
  error,
  rationale: null,
  evidence: [],
  cached: false,
  latencyMs: null,
});

/**
 * Criterion values are already on [0, 1]; aggregate sees unit scales so that a program check on
 * a banded criterion (1 or 0) is not mapped through the bands again.
 */
export function toOutcome(
  criteria: Criterion[],
  rule: Aggregation,
  results: Map<string, CriterionResult>,
): RewardOutcome {
  const values: Record<string, number | null> = {};
  for (const c of criteria) values[c.id] = results.get(c.id)?.value ?? null;
  const unit = criteria.map((c) => ({ ...c, scale: { kind: "unit" as const } }));
  const a = aggregate(unit, rule, values);
  return {
    reward: a.reward,
    passed: a.passed,
    notJudged: a.notJudged,
    gatedBy: a.gatedBy,
    criteria: criteria.map((c) => results.get(c.id) ?? emptyResult(c.id, PENDING)),
  };
}
