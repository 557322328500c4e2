import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { jobs } from "@/db/schema";
import { notFound } from "@/lib/errors";

export async function getJobRow({ db, projectId, jobId }: { db: DbOrTx; projectId: string; jobId: string }) {
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.projectId, projectId)));
  if (!job) throw notFound("The job", "jobId");
  return job;
}
