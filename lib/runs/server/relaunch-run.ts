// Runs some of a run's episodes again as a new job: "failed" takes the failed and cancelled ones
// (re-run failed), "unfinished" every episode that has not succeeded (resume a cancelled or
// failed run). Succeeded episodes are never run again.
import { and, desc, eq, inArray } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db, DbOrTx } from "@/db/client";
import { episodes, jobs, runs } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { type Launcher, launchJob } from "@/lib/jobs/server/launch-job";
import { getRun, getRunRow } from "./get-run";

export async function latestJob(db: DbOrTx, runId: string) {
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.runId, runId), eq(jobs.type, "bench.run")))
    .orderBy(desc(jobs.createdAt))
    .limit(1);
  return job ?? null;
}

export async function relaunchRun({
  db,
  boss,
  projectId,
  runId,
  by,
  which,
}: {
  db: Db;
  boss: PgBoss;
  projectId: string;
  runId: string;
  by: Launcher;
  which: "failed" | "unfinished";
}) {
  const run = await getRunRow({ db, projectId, runId });
  await db.transaction(async (tx) => {
    // the run's row lock keeps two clicks from launching two jobs
    await tx.select({ id: runs.id }).from(runs).where(eq(runs.id, run.id)).for("update");
    const job = await latestJob(tx, run.id);
    if (job && !["succeeded", "failed", "cancelled"].includes(job.status))
      throw conflict(`The run is ${job.status}: wait for it to end or cancel it first`, "runId");
    const statuses =
      which === "failed" ? (["failed", "cancelled"] as const) : (["queued", "running", "failed", "cancelled"] as const);
    const rows = await tx
      .select({ id: episodes.id })
      .from(episodes)
      .where(and(eq(episodes.runId, run.id), inArray(episodes.status, [...statuses])));
    if (!rows.length)
      throw conflict(
        which === "failed"
          ? "No episode of this run failed or was cancelled"
          : "Every episode of this run has succeeded",
        "runId",
      );
    const episodeIds = rows.map((r) => r.id);
    await tx.update(episodes).set({ status: "queued", error: null }).where(inArray(episodes.id, episodeIds));
    await tx.update(runs).set({ status: "queued", finishedAt: null }).where(eq(runs.id, run.id));
    await launchJob({
      db: tx as unknown as Db,
      boss,
      projectId,
      by,
      input: { type: "bench.run", runId: run.id, payload: { runId: run.id, episodeIds } },
    });
  });
  return getRun({ db, projectId, runId: run.id });
}
