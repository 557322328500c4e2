import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { runs } from "@/db/schema";
import { runViews } from "./run-views";

/** Benchmark runs, newest first. */
export async function listRuns({ db, projectId, limit = 100 }: { db: DbOrTx; projectId: string; limit?: number }) {
  const rows = await db
    .select()
    .from(runs)
    .where(and(eq(runs.projectId, projectId), eq(runs.kind, "benchmark")))
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(limit);
  return { items: await runViews(db, rows) };
}
