// Cancels a run through its job: a running job aborts the episodes in flight at once and marks
// the rest cancelled as it ends; a job no worker has taken yet ends here and now.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { episodes, runs } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { cancelJob } from "@/lib/jobs/server/cancel-job";
import { getRun, getRunRow } from "./get-run";
import { latestJob } from "./relaunch-run";

export async function cancelRun({ db, projectId, runId }: { db: Db; projectId: string; runId: string }) {
  const run = await getRunRow({ db, projectId, runId });
  const job = await latestJob(db, run.id);
  if (!job || ["succeeded", "failed", "cancelled"].includes(job.status))
    throw conflict(`The run has already ${job?.status ?? run.status}: nothing to cancel`, "runId");
  const view = await cancelJob({ db, projectId, jobId: job.id });
  if (view.status === "cancelled")
    await db.transaction(async (tx) => {
      await tx
        .update(episodes)
        .set({ status: "cancelled", error: "cancelled before it started" })
        .where(and(eq(episodes.runId, run.id), inArray(episodes.status, ["queued", "running"])));
      await tx.update(runs).set({ status: "cancelled", finishedAt: sql`now()` }).where(eq(runs.id, run.id));
    });
  return getRun({ db, projectId, runId });
}
