import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { annotationItemDone, annotationQueueAssignees, annotationQueueItems } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { loadQueue } from "./load-queue";
import { queueProgress } from "./queue-progress";

/**
 * Marks a queue item done (or not done) by the caller. Only assignees mark items done: the
 * queue's progress is counted per assignee. Taking a mark back is always allowed.
 */
export async function setItemDone({
  db,
  projectId,
  queueId,
  itemId,
  userId,
  done,
}: {
  db: DbOrTx;
  projectId: string;
  queueId: string;
  itemId: string;
  userId: string;
  done: boolean;
}) {
  const q = await loadQueue(db, projectId, queueId);
  const [item] = await db
    .select({ id: annotationQueueItems.id })
    .from(annotationQueueItems)
    .where(and(eq(annotationQueueItems.queueId, q.id), eq(annotationQueueItems.id, itemId)));
  if (!item) throw notFound("The queue item", "itemId");
  if (done) {
    const [assigned] = await db
      .select({ userId: annotationQueueAssignees.userId })
      .from(annotationQueueAssignees)
      .where(and(eq(annotationQueueAssignees.queueId, q.id), eq(annotationQueueAssignees.userId, userId)));
    if (!assigned)
      throw new AppError(
        "FORBIDDEN",
        `You are not assigned to the queue '${q.name}': an editor can add you on the queue's page. Your labels are saved either way.`,
      );
    await db.insert(annotationItemDone).values({ itemId, userId }).onConflictDoNothing();
  } else
    await db
      .delete(annotationItemDone)
      .where(and(eq(annotationItemDone.itemId, itemId), eq(annotationItemDone.userId, userId)));
  const p = (await queueProgress(db, projectId, [q.id], userId)).get(q.id);
  return { itemId, done, mineDone: p?.mineDone ?? 0, itemCount: p?.itemCount ?? 0 };
}
