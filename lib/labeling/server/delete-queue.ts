import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { annotationQueues } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** Deletes a queue with its items, assignees and done marks; the labels stay. */
export async function deleteQueue({ db, projectId, queueId }: { db: DbOrTx; projectId: string; queueId: string }) {
  const gone = await db
    .delete(annotationQueues)
    .where(and(eq(annotationQueues.projectId, projectId), eq(annotationQueues.id, queueId)))
    .returning({ id: annotationQueues.id });
  if (!gone.length) throw notFound("The queue", "queueId");
  return { id: queueId };
}
