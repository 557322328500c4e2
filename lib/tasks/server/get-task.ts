import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { taskSets, tasks } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { TaskDetail } from "../schemas";

export async function getTask({
  db,
  projectId,
  taskId,
}: {
  db: DbOrTx;
  projectId: string;
  taskId: string;
}): Promise<TaskDetail> {
  const [row] = await db
    .select({ t: tasks, setName: taskSets.name })
    .from(tasks)
    .innerJoin(taskSets, eq(taskSets.id, tasks.taskSetId))
    .where(and(eq(tasks.id, taskId), eq(tasks.projectId, projectId)));
  if (!row) throw notFound("The task", "taskId");
  const { t } = row;
  return {
    id: t.id,
    taskSetId: t.taskSetId,
    taskSetName: row.setName,
    externalId: t.externalId,
    prompt: t.prompt,
    reference: t.reference,
    metadata: t.metadata,
    createdAt: t.createdAt.toISOString(),
  };
}
