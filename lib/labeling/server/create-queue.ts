import type { Db } from "@/db/client";
import { annotationQueueAssignees, annotationQueues } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { queueInput } from "../schemas";
import { appendItems } from "./add-queue-items";
import { checkAssignees, checkQueueSchemas } from "./check-queue-refs";
import { getQueue } from "./get-queue";

export async function createQueue({
  db,
  projectId,
  userId,
  input,
}: {
  db: Db;
  projectId: string;
  userId: string | null;
  input: unknown;
}) {
  const q = queueInput.parse(input);
  const id = await db.transaction(async (tx) => {
    const schemaIds = await checkQueueSchemas(tx, projectId, q.labelSchemaIds);
    const assignees = await checkAssignees(tx, projectId, q.assigneeIds);
    const [row] = await tx
      .insert(annotationQueues)
      .values({ projectId, name: q.name, description: q.description, labelSchemaIds: schemaIds, createdBy: userId })
      .onConflictDoNothing({ target: [annotationQueues.projectId, annotationQueues.name] })
      .returning({ id: annotationQueues.id });
    if (!row) throw conflict(`A queue named '${q.name}' exists in this project: choose another name`, "name");
    await appendItems(tx, projectId, row.id, q.trajectoryIds);
    if (assignees.length)
      await tx.insert(annotationQueueAssignees).values(assignees.map((u) => ({ queueId: row.id, userId: u })));
    return row.id;
  });
  return getQueue({ db, projectId, queueId: id, callerId: userId });
}
