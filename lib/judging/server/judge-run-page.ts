// A judging run's work, page by page: each page judges its trajectories (the cache skips what
// is done), adds to the run's counts and replaces the page's earlier scores of this rubric
// version and judge, so the trajectory list, viewer and export show them.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type JudgingRun, judges, judgingRuns, scores } from "@/db/schema";
import { PROGRAM_JUDGE_KEY, type RewardOutcome } from "../schemas";
import { type JudgeCounts, judgeItems } from "./judge-trajectory";
import { type LoadedRubric, loadRubricVersion } from "./load-rubric";
import { loadTrajectories } from "./load-trajectories";
import { openJudge } from "./open-judge";

/** Judgments per page when a judge is called: a page stays well inside a step's time limit. */
const JUDGE_CALLS_PER_PAGE = 200;
const PROGRAM_PAGE = 200;

export class RunRejected extends Error {}

export async function planJudgingRun(db: DbOrTx, run: JudgingRun, pageSize?: number) {
  const rubric = await loadRubricVersion(db, run.projectId, run.rubricVersionId);
  const judged = rubric.criteria.filter((c) => c.verifier.kind !== "program").length;
  const size =
    pageSize ??
    (run.judgeKey === PROGRAM_JUDGE_KEY || !judged
      ? PROGRAM_PAGE
      : Math.max(1, Math.min(100, Math.floor(JUDGE_CALLS_PER_PAGE / judged))));
  const pages: string[][] = [];
  for (let i = 0; i < run.trajectoryIds.length; i += size) pages.push(run.trajectoryIds.slice(i, i + size));
  return { rubric, pages };
}

export async function judgeRunPage({
  db,
  cacheDb,
  run,
  ids,
  signal,
}: {
  db: DbOrTx;
  cacheDb: DbOrTx;
  run: JudgingRun;
  ids: string[];
  signal?: AbortSignal;
}): Promise<JudgeCounts & { trajectories: number }> {
  const rubric = await loadRubricVersion(db, run.projectId, run.rubricVersionId);
  const [row] = run.judgeId ? await db.select().from(judges).where(eq(judges.id, run.judgeId)) : [];
  const judge = openJudge(row ?? null);
  const key = judge?.judge.key ?? PROGRAM_JUDGE_KEY;
  const needsJudge = rubric.criteria.some((c) => c.verifier.kind !== "program");
  if (needsJudge && key !== run.judgeKey)
    throw new RunRejected(
      row
        ? `the judge '${row.name}' was changed after this run started: start a new run to judge with its new settings`
        : "the judge of this run was removed: start a new run with another judge",
    );
  const items = await loadTrajectories(db, run.projectId, ids);
  const { outcomes, counts } = await judgeItems({
    db,
    cacheDb,
    projectId: run.projectId,
    rubric,
    judge,
    items,
    signal,
  });
  await db
    .update(judgingRuns)
    .set({
      cached: sql`${judgingRuns.cached} + ${counts.cached}`,
      judged: sql`${judgingRuns.judged} + ${counts.judged}`,
      errors: sql`${judgingRuns.errors} + ${counts.errors}`,
    })
    .where(eq(judgingRuns.id, run.id));
  await replaceScores(
    db,
    run,
    rubric,
    items.map((it, i) => ({ trajectoryId: it.trajectoryId, outcome: outcomes[i] })),
  );
  return { ...counts, trajectories: items.length };
}

/** Replaces the trajectories' earlier scores of this rubric version and judge; benchmark runs write theirs here too. */
export async function replaceScores(
  db: DbOrTx,
  run: Pick<JudgingRun, "projectId" | "judgeId">,
  rubric: LoadedRubric,
  scored: { trajectoryId: string; outcome: RewardOutcome }[],
) {
  if (!scored.length) return;
  await db.delete(scores).where(
    and(
      inArray(
        scores.trajectoryId,
        scored.map((s) => s.trajectoryId),
      ),
      eq(scores.rubricVersionId, rubric.id),
      run.judgeId ? eq(scores.judgeId, run.judgeId) : isNull(scores.judgeId),
      eq(scores.source, "judge"),
    ),
  );
  const rows: (typeof scores.$inferInsert)[] = [];
  for (const { trajectoryId, outcome } of scored) {
    const base = {
      projectId: run.projectId,
      trajectoryId,
      rubricVersionId: rubric.id,
      judgeId: run.judgeId,
      source: "judge",
    };
    for (const r of outcome.criteria)
      rows.push({ ...base, criterionId: r.criterionId, value: r.value, error: r.error, rationale: r.rationale });
    const judgedCount = rubric.criteria.length - outcome.notJudged.length;
    rows.push({
      ...base,
      criterionId: null,
      value: outcome.reward,
      error: outcome.reward === null ? "not judged: no criterion could be judged" : null,
      rationale: `${rubric.rubricName} v${rubric.version}: ${judgedCount} of ${rubric.criteria.length} criteria judged${
        outcome.passed === null ? "" : outcome.passed ? "; passed" : "; not passed"
      }${outcome.gatedBy.length ? `; gated by ${outcome.gatedBy.join(", ")}` : ""}`,
    });
  }
  for (let i = 0; i < rows.length; i += 2000) await db.insert(scores).values(rows.slice(i, i + 2000));
}
