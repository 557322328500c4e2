// Judging in this process, without a job: for the demo data at first start and for scripts. It
// records a finished run, so the playground lists it like any other, and writes the judgments and
// scores exactly as a judging run's job does, page by page.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { judgingRuns } from "@/db/schema";
import { judgeKeyFor } from "../outcome";
import { PROGRAM_JUDGE_KEY } from "../schemas";
import { judgeRunPage, planJudgingRun } from "./judge-run-page";
import { judgeSnapshot, loadJudgeRow, loadRubricVersion } from "./load-rubric";
import { openJudge } from "./open-judge";

export async function judgeNow({
  db,
  projectId,
  rubricVersionId,
  judgeId,
  trajectoryIds,
  userId = null,
}: {
  db: Db;
  projectId: string;
  rubricVersionId: string;
  judgeId?: string | null;
  trajectoryIds: string[];
  userId?: string | null;
}) {
  const rubric = await loadRubricVersion(db, projectId, rubricVersionId);
  const judgeRow = await loadJudgeRow(db, projectId, judgeId);
  const judge = openJudge(judgeRow);
  const chosen = judge ? { kind: judge.kind, key: judge.judge.key } : null;
  const [run] = await db
    .insert(judgingRuns)
    .values({
      projectId,
      rubricVersionId: rubric.id,
      judgeId: judgeRow?.id ?? null,
      judgeKey: chosen?.key ?? PROGRAM_JUDGE_KEY,
      judgeSnapshot: judgeRow ? judgeSnapshot(judgeRow) : null,
      trajectoryIds,
      total: trajectoryIds.length * rubric.criteria.filter((c) => judgeKeyFor(c, chosen) !== null).length,
      createdBy: userId,
    })
    .returning();
  const { pages } = await planJudgingRun(db, run);
  for (const ids of pages) await db.transaction((tx) => judgeRunPage({ db: tx, cacheDb: db, run, ids }));
  const [done] = await db
    .update(judgingRuns)
    .set({ finishedAt: sql`now()` })
    .where(eq(judgingRuns.id, run.id))
    .returning();
  return done;
}
