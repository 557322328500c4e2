// Judging in this process, without a job: for the demo data at first start and for scripts. It
// records a finished run, so the playground lists it like any other, and writes the judgments and
// scores exactly as a judging run's job does, page by page.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { judgingRuns } from "@/db/schema";
import { judgeRunPage, planJudgingRun } from "./judge-run-page";
import { loadJudgeRow, loadRubricVersion } from "./load-rubric";
import { insertJudgingRun } from "./new-run";

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
  const run = await insertJudgingRun(db, { projectId, rubric, judgeRow, trajectoryIds, userId });
  const { pages } = await planJudgingRun(db, run);
  for (const ids of pages) await db.transaction((tx) => judgeRunPage({ db: tx, cacheDb: db, run, ids }));
  const [done] = await db
    .update(judgingRuns)
    .set({ finishedAt: sql`now()` })
    .where(eq(judgingRuns.id, run.id))
    .returning();
  return done;
}
