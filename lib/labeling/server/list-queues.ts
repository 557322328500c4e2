import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { annotationQueues } from "@/db/schema";
import { toQueueView } from "./get-queue";
import { queueProgress } from "./queue-progress";

/** The project's queues, newest first, each with its progress. */
export async function listQueues({
  db,
  projectId,
  callerId,
}: {
  db: DbOrTx;
  projectId: string;
  callerId: string | null;
}) {
  const rows = await db
    .select()
    .from(annotationQueues)
    .where(eq(annotationQueues.projectId, projectId))
    .orderBy(desc(annotationQueues.createdAt));
  const progress = await queueProgress(
    db,
    projectId,
    rows.map((r) => r.id),
    callerId,
  );
  return rows.map((r) => toQueueView(r, progress.get(r.id), callerId));
}
