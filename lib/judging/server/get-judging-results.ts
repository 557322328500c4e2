// A judging run's results, read from the judging cache: per trajectory the reward and every
// criterion, per criterion the mean and how many were not judged. Cheap enough to call twice for
// a side-by-side comparison: three queries whatever the number of trajectories.
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { trajectories } from "@/db/schema";
import { finishedStatuses } from "@/lib/jobs/schemas";
import { type ChosenJudge, emptyResult, judgeKeyFor, notJudgedReason, PENDING, toOutcome } from "../outcome";
import { type CriterionResult, type JudgingResults, PROGRAM_JUDGE_KEY, type TrajectoryResult } from "../schemas";
import { getJudgingRun } from "./get-judging-runs";
import { cacheKey, readJudgments } from "./judgment-cache";
import { loadRubricVersion } from "./load-rubric";

export async function getJudgingResults({
  db,
  projectId,
  runId,
  offset,
  limit,
}: {
  db: DbOrTx;
  projectId: string;
  runId: string;
  offset: number;
  limit: number;
}): Promise<JudgingResults> {
  const { view, run } = await getJudgingRun({ db, projectId, runId });
  const rubric = await loadRubricVersion(db, projectId, run.rubricVersionId);
  const snapshot = run.judgeSnapshot as { kind?: "model" | "onnx" } | null;
  const chosen: ChosenJudge =
    run.judgeKey !== PROGRAM_JUDGE_KEY && snapshot?.kind ? { kind: snapshot.kind, key: run.judgeKey } : null;
  const rows = run.trajectoryIds.length
    ? await db
        .select({
          id: trajectories.id,
          taskRef: trajectories.taskRef,
          summary: trajectories.summary,
          policy: trajectories.policy,
          contentHash: trajectories.contentHash,
        })
        .from(trajectories)
        .where(and(eq(trajectories.projectId, projectId), inArray(trajectories.id, run.trajectoryIds)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, { ...r, contentHash: r.contentHash || `trajectory:${r.id}` }]));
  const keys = [...new Set([PROGRAM_JUDGE_KEY, run.judgeKey])];
  const cache = await readJudgments(
    db,
    rubric.id,
    keys,
    [...byId.values()].map((r) => r.contentHash),
  );
  const stopped = view.status === null || finishedStatuses.includes(view.status);
  const missing = stopped ? "not judged: the run stopped before this criterion" : PENDING;

  // trajectories deleted since the run started are left out
  const items: TrajectoryResult[] = run.trajectoryIds.flatMap((id) => {
    const t = byId.get(id);
    if (!t) return [];
    let pending = false;
    const results = new Map<string, CriterionResult>();
    for (const c of rubric.criteria) {
      const key = judgeKeyFor(c, chosen);
      if (key === null) {
        results.set(c.id, emptyResult(c.id, notJudgedReason(c)));
        continue;
      }
      const j = cache.get(cacheKey({ judgeKey: key, contentHash: t.contentHash, criterionId: c.id }));
      if (!j) {
        pending ||= !stopped;
        results.set(c.id, emptyResult(c.id, missing));
        continue;
      }
      results.set(c.id, {
        criterionId: c.id,
        value: j.value,
        raw: j.raw,
        error: j.error,
        rationale: j.rationale,
        evidence: j.evidence,
        cached: j.createdAt < run.createdAt,
        latencyMs: j.latencyMs,
      });
    }
    const outcome = toOutcome(rubric.criteria, rubric.aggregation, results);
    return [{ ...outcome, trajectoryId: id, taskRef: t.taskRef, summary: t.summary, policy: t.policy, pending }];
  });

  const criteria = rubric.criteria.map((c, i) => {
    let sum = 0;
    let judged = 0;
    let errors = 0;
    for (const item of items) {
      const r = item.criteria[i];
      if (r.value !== null) {
        sum += r.value;
        judged++;
      } else if (r.error && r.error !== PENDING && !r.error.startsWith("not judged:")) errors++;
    }
    return {
      id: c.id,
      title: c.title,
      category: c.category,
      weight: c.weight,
      verifier: c.verifier.kind,
      mean: judged ? sum / judged : null,
      judged,
      notJudged: items.length - judged,
      errors,
    };
  });
  const rewards = items.flatMap((i) => (i.reward === null ? [] : [i.reward]));
  const passes = items.flatMap((i) => (i.passed === null ? [] : [i.passed]));
  return {
    run: view,
    aggregation: rubric.aggregation,
    criteria,
    rewardMean: rewards.length ? rewards.reduce((a, b) => a + b, 0) / rewards.length : null,
    passRate: passes.length ? passes.filter(Boolean).length / passes.length : null,
    total: items.length,
    items: items.slice(offset, offset + limit),
  };
}
