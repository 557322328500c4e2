// Starts a judging run: checks that the rubric version, the judge and every trajectory are the
// project's (a 400 naming the field otherwise, and nothing is written), records the run and
// launches its job in one transaction.
import { and, eq, inArray } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { judgingRuns, trajectories } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { type Launcher, launchJob } from "@/lib/jobs/server/launch-job";
import { JUDGING_MAX_TRAJECTORIES, type JudgingRunInput } from "../schemas";
import { getJudgingRun } from "./get-judging-runs";
import { loadJudgeRow, loadRubricVersion } from "./load-rubric";
import { insertJudgingRun } from "./new-run";

export async function startJudgingRun({
  db,
  boss,
  projectId,
  by,
  input,
}: {
  db: Db;
  boss: PgBoss;
  projectId: string;
  by: Launcher;
  input: JudgingRunInput;
}) {
  const rubric = await loadRubricVersion(db, projectId, input.rubricVersionId);
  const judgeRow = await loadJudgeRow(db, projectId, input.judgeId);
  const ids = await chooseTrajectories(db, projectId, input);

  const runId = await db.transaction(async (tx) => {
    const run = await insertJudgingRun(tx, { projectId, rubric, judgeRow, trajectoryIds: ids, userId: by.userId });
    // the job's first message is sent in this transaction too: a run never exists without its job
    const job = await launchJob({
      db: tx as unknown as Db,
      boss,
      projectId,
      by,
      input: { type: "rubrics.judge", payload: { judgingRunId: run.id } },
    });
    await tx.update(judgingRuns).set({ jobId: job.id }).where(eq(judgingRuns.id, run.id));
    return run.id;
  });
  return (await getJudgingRun({ db, projectId, runId })).view;
}

async function chooseTrajectories(db: Db, projectId: string, input: JudgingRunInput): Promise<string[]> {
  if (input.trajectoryIds) {
    const wanted = [...new Set(input.trajectoryIds)];
    const found = new Set(
      (
        await db
          .select({ id: trajectories.id })
          .from(trajectories)
          .where(and(eq(trajectories.projectId, projectId), inArray(trajectories.id, wanted)))
      ).map((r) => r.id),
    );
    const missing = input.trajectoryIds.findIndex((id) => !found.has(id));
    if (missing >= 0)
      throw invalid(
        `trajectoryIds.${missing}`,
        `trajectoryIds.${missing}: '${input.trajectoryIds[missing]}' is not a trajectory of this project`,
      );
    return wanted;
  }
  const rows = await db
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(
      and(
        eq(trajectories.projectId, projectId),
        input.runId ? eq(trajectories.runId, input.runId) : undefined,
        input.taskRef ? eq(trajectories.taskRef, input.taskRef) : undefined,
      ),
    )
    .orderBy(trajectories.createdAt, trajectories.id)
    .limit(JUDGING_MAX_TRAJECTORIES + 1);
  const field = input.runId ? "runId" : "taskRef";
  if (!rows.length) throw invalid(field, `${field}: no trajectories of this project match; import some first`);
  if (rows.length > JUDGING_MAX_TRAJECTORIES)
    throw invalid(
      field,
      `${field}: more than ${JUDGING_MAX_TRAJECTORIES} trajectories match; narrow it with runId and taskRef together, or send trajectoryIds`,
    );
  return rows.map((r) => r.id);
}
