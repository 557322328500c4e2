import { and, asc, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { jobLogs } from "@/db/schema";

export async function listJobLogs({ db, jobId, after }: { db: DbOrTx; jobId: string; after: number }) {
  const rows = await db
    .select()
    .from(jobLogs)
    .where(and(eq(jobLogs.jobId, jobId), gt(jobLogs.id, after)))
    .orderBy(asc(jobLogs.id))
    .limit(1000);
  return rows.map((r) => ({ id: r.id, level: r.level, message: r.message, at: r.at.toISOString() }));
}
