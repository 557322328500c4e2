// The judging engine: one rubric version, an optional judge, some trajectories. Program criteria
// run as program checks; model and ONNX criteria go to the judge when its kind matches, else they
// are not judged (an error, never a zero). Verdicts come from the judging cache when there, are
// written back as each trajectory finishes, and the criterion values aggregate into a reward.
import { performance } from "node:perf_hooks";
import type { DbOrTx } from "@/db/client";
import { createLimiter } from "@/lib/judges/server/limiter";
import type { CriterionJudge, JudgeVerdict } from "@/lib/judges/server/types";
import { type Aggregation, type Criterion, normalize } from "@/lib/rubrics/model";
import { runCheck } from "@/lib/rubrics/program-checks";
import { type ChosenJudge, emptyResult, judgeKeyFor, notJudgedReason, toOutcome } from "../outcome";
import type { CriterionResult, RewardOutcome } from "../schemas";
import { cacheKey, type NewJudgment, readJudgments, writeJudgments } from "./judgment-cache";
import type { JudgeItem } from "./load-trajectories";

export type EngineRubric = { id: string; criteria: Criterion[]; aggregation: Aggregation };
export type EngineJudge = { kind: "model" | "onnx"; judge: CriterionJudge } | null;
export type JudgeCounts = { total: number; cached: number; judged: number; errors: number };

/** Judge calls in flight at once across criteria and trajectories (the judge may limit further). */
export const DEFAULT_CONCURRENCY = 16;

/** rows per upsert: 14 columns each, well under PostgreSQL's 65535 parameters */
const WRITE_CHUNK = 2000;

type Cell = { result: CriterionResult; row: NewJudgment | null };

export async function judgeItems({
  db,
  cacheDb = db,
  projectId,
  rubric,
  judge,
  items,
  concurrency = DEFAULT_CONCURRENCY,
  signal,
}: {
  db: DbOrTx;
  /** where verdicts are written: outside a step's transaction they survive a worker crash */
  cacheDb?: DbOrTx;
  projectId: string;
  rubric: EngineRubric;
  judge: EngineJudge;
  items: JudgeItem[];
  concurrency?: number;
  signal?: AbortSignal;
}): Promise<{ outcomes: RewardOutcome[]; counts: JudgeCounts }> {
  const chosen: ChosenJudge = judge ? { kind: judge.kind, key: judge.judge.key } : null;
  const plan = rubric.criteria.map((c) => ({ c, key: judgeKeyFor(c, chosen) }));
  const judgeable = plan.filter((p): p is { c: Criterion; key: string } => p.key !== null);
  const unique = new Map<string, JudgeItem>();
  for (const item of items) if (!unique.has(item.contentHash)) unique.set(item.contentHash, item);
  const hits = await readJudgments(db, rubric.id, [...new Set(judgeable.map((p) => p.key))], [...unique.keys()]);

  const limiter = createLimiter(Math.max(1, concurrency));
  const counts: JudgeCounts = { total: items.length * judgeable.length, cached: 0, judged: 0, errors: 0 };
  const resultsByHash = new Map<string, Map<string, CriterionResult>>();
  const callsJudge = judgeable.some((p) => p.c.verifier.kind !== "program");
  const pendingRows: NewJudgment[] = [];

  await Promise.all(
    [...unique.values()].map(async (item) => {
      const cells = await Promise.all(
        judgeable.map(async ({ c, key }): Promise<Cell> => {
          const hit = hits.get(cacheKey({ judgeKey: key, contentHash: item.contentHash, criterionId: c.id }));
          if (hit && hit.error === null) {
            counts.cached++;
            return {
              row: null,
              result: {
                criterionId: c.id,
                value: hit.value,
                raw: hit.raw,
                error: null,
                rationale: hit.rationale,
                evidence: hit.evidence,
                cached: true,
                latencyMs: hit.latencyMs,
              },
            };
          }
          const verdict =
            c.verifier.kind === "program"
              ? programVerdict(c, item)
              : await limiter.run(() => modelVerdict(judge?.judge as CriterionJudge, c, item, signal));
          const value = verdict.error === null && verdict.raw !== null ? normalize(c.scale, verdict.raw) : null;
          if (value === null) counts.errors++;
          else counts.judged++;
          const error = value === null ? (verdict.error ?? "the judge gave no score") : null;
          return {
            result: {
              criterionId: c.id,
              value,
              raw: verdict.raw,
              error,
              rationale: verdict.rationale,
              evidence: verdict.evidence,
              cached: false,
              latencyMs: Math.round(verdict.latencyMs),
            },
            row: {
              projectId,
              rubricVersionId: rubric.id,
              judgeKey: key,
              contentHash: item.contentHash,
              criterionId: c.id,
              value,
              raw: verdict.raw,
              error,
              rationale: verdict.rationale,
              evidence: verdict.evidence.filter((n) => Number.isInteger(n)),
              samples: verdict.samples ?? null,
              latencyMs: Math.round(verdict.latencyMs),
              promptTokens: verdict.promptTokens ?? null,
              completionTokens: verdict.completionTokens ?? null,
            },
          };
        }),
      );
      const rows = cells.flatMap((x) => (x.row ? [x.row] : []));
      // a judge's verdicts are kept as each trajectory finishes, so a crash loses little; program
      // checks are cheap to redo and go in one statement at the end
      if (callsJudge) await writeJudgments(cacheDb, rows);
      else pendingRows.push(...rows);
      const results = new Map(cells.map((x) => [x.result.criterionId, x.result]));
      for (const { c, key } of plan) if (key === null) results.set(c.id, emptyResult(c.id, notJudgedReason(c)));
      resultsByHash.set(item.contentHash, results);
    }),
  );

  for (let i = 0; i < pendingRows.length; i += WRITE_CHUNK)
    await writeJudgments(cacheDb, pendingRows.slice(i, i + WRITE_CHUNK));
  // a repeated episode in the same batch is judged once; its copies count as cached
  counts.cached += (items.length - unique.size) * judgeable.length;
  const outcomes = items.map((item) =>
    toOutcome(rubric.criteria, rubric.aggregation, resultsByHash.get(item.contentHash) ?? new Map()),
  );
  return { outcomes, counts };
}

function programVerdict(c: Criterion, item: JudgeItem): JudgeVerdict {
  if (c.verifier.kind !== "program") throw new Error("not a program criterion");
  const start = performance.now();
  try {
    const r = runCheck(c.verifier.check, item.record);
    return {
      raw: r.score,
      error: null,
      rationale: r.detail,
      evidence: r.evidence,
      latencyMs: performance.now() - start,
    };
  } catch (e) {
    return {
      raw: null,
      error: `the program check failed: ${(e as Error).message}`,
      rationale: null,
      evidence: [],
      latencyMs: performance.now() - start,
    };
  }
}

async function modelVerdict(
  judge: CriterionJudge,
  c: Criterion,
  item: JudgeItem,
  signal?: AbortSignal,
): Promise<JudgeVerdict> {
  const start = performance.now();
  if (signal?.aborted)
    return { raw: null, error: "cancelled before judging", rationale: null, evidence: [], latencyMs: 0 };
  try {
    return await judge.judge({ criterion: c, trajectory: item.record, variables: item.variables, signal });
  } catch (e) {
    return {
      raw: null,
      error: `the judge failed: ${(e as Error).message}`,
      rationale: null,
      evidence: [],
      latencyMs: performance.now() - start,
    };
  }
}
