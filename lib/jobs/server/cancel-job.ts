import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobLogs, jobs } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { finishedStatuses } from "../schemas";
import { getJobRow } from "./get-job";
import { notifyJob } from "./notify";
import { toJobView } from "./to-view";

/**
 * A queued job that no worker has touched ends at once; a running one becomes `cancelling`
 * and its worker stops between steps (or aborts the step in flight), keeping finished steps.
 */
export async function cancelJob({ db, projectId, jobId }: { db: Db; projectId: string; jobId: string }) {
  return db.transaction(async (tx) => {
    const job = await getJobRow({ db: tx, projectId, jobId });
    if (finishedStatuses.includes(job.status)) throw conflict(`The job has already ${job.status}`, "jobId");
    if (job.status === "cancelling") return toJobView(job);
    const immediate = job.status === "queued" && job.startedAt === null;
    const [updated] = await tx
      .update(jobs)
      .set({
        status: immediate ? "cancelled" : "cancelling",
        updatedAt: sql`now()`,
        ...(immediate ? { finishedAt: sql`now()` } : {}),
      })
      .where(eq(jobs.id, jobId))
      .returning();
    await tx
      .insert(jobLogs)
      .values({ jobId, level: "warn", message: immediate ? "Cancelled before it started" : "Cancel requested" });
    await notifyJob(tx, projectId, jobId);
    return toJobView(updated);
  });
}
