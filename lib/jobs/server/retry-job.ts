import { eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { jobLogs, jobSteps, jobs } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { getJobRow } from "./get-job";
import { notifyJob } from "./notify";
import { enqueueStep, PLAN_STEP } from "./queue";
import { toJobView } from "./to-view";

/** Runs a failed or cancelled job again from its first unfinished step; finished steps are kept. */
export async function retryJob({
  db,
  boss,
  projectId,
  jobId,
}: {
  db: Db;
  boss: PgBoss;
  projectId: string;
  jobId: string;
}) {
  return db.transaction(async (tx) => {
    const job = await getJobRow({ db: tx, projectId, jobId });
    if (job.status !== "failed" && job.status !== "cancelled")
      throw conflict(`Only failed or cancelled jobs can be retried; this one is ${job.status}`, "jobId");
    const done = new Set(
      (await tx.select({ step: jobSteps.step }).from(jobSteps).where(eq(jobSteps.jobId, jobId))).map((r) => r.step),
    );
    let next = PLAN_STEP;
    if (done.has(PLAN_STEP)) {
      next = 0;
      while (done.has(next)) next++;
    }
    const [updated] = await tx
      .update(jobs)
      .set({ status: "queued", error: null, finishedAt: null, updatedAt: sql`now()` })
      .where(eq(jobs.id, jobId))
      .returning();
    await tx.insert(jobLogs).values({ jobId, message: `Retry requested: continuing from step ${Math.max(next, 0)}` });
    await enqueueStep(boss, tx, { jobId, step: next });
    await notifyJob(tx, projectId, jobId);
    return toJobView(updated);
  });
}
