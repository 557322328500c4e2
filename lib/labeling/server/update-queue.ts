import { and, eq, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { annotationQueueAssignees, annotationQueues } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { queuePatch } from "../schemas";
import { checkAssignees, checkQueueSchemas } from "./check-queue-refs";
import { getQueue } from "./get-queue";
import { loadQueue } from "./load-queue";
import { isUniqueViolation } from "./unique-violation";

/** Renames, describes, changes the label schemas, or replaces the assignees of a queue. */
export async function updateQueue({
  db,
  projectId,
  queueId,
  callerId,
  input,
}: {
  db: Db;
  projectId: string;
  queueId: string;
  callerId: string | null;
  input: unknown;
}) {
  const p = queuePatch.parse(input);
  await db.transaction(async (tx) => {
    const q = await loadQueue(tx, projectId, queueId, true);
    const set: Partial<typeof annotationQueues.$inferInsert> = {};
    if (p.name !== undefined) set.name = p.name;
    if (p.description !== undefined) set.description = p.description;
    if (p.labelSchemaIds)
      set.labelSchemaIds = await checkQueueSchemas(tx, projectId, p.labelSchemaIds, q.labelSchemaIds);
    if (Object.keys(set).length)
      try {
        await tx.update(annotationQueues).set(set).where(eq(annotationQueues.id, q.id));
      } catch (e) {
        if (isUniqueViolation(e, "annotation_queues_name_uq"))
          throw conflict(`A queue named '${p.name}' exists in this project: choose another name`, "name");
        throw e;
      }
    if (p.assigneeIds) {
      const ids = await checkAssignees(tx, projectId, p.assigneeIds);
      // done marks stay with their people: someone assigned again finds their progress
      await tx
        .delete(annotationQueueAssignees)
        .where(
          ids.length
            ? and(eq(annotationQueueAssignees.queueId, q.id), notInArray(annotationQueueAssignees.userId, ids))
            : eq(annotationQueueAssignees.queueId, q.id),
        );
      if (ids.length)
        await tx
          .insert(annotationQueueAssignees)
          .values(ids.map((userId) => ({ queueId: q.id, userId })))
          .onConflictDoNothing();
    }
  });
  return getQueue({ db, projectId, queueId, callerId });
}
