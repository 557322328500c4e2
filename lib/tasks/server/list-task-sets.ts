import { asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { taskSets, tasks } from "@/db/schema";

export async function listTaskSets({ db, projectId }: { db: DbOrTx; projectId: string }) {
  const rows = await db
    .select({ set: taskSets, n: count(tasks.id) })
    .from(taskSets)
    .leftJoin(tasks, eq(tasks.taskSetId, taskSets.id))
    .where(eq(taskSets.projectId, projectId))
    .groupBy(taskSets.id)
    .orderBy(asc(taskSets.createdAt));
  return rows.map(({ set, n }) => ({
    id: set.id,
    name: set.name,
    description: set.description,
    source: set.source,
    tasks: n,
    createdAt: set.createdAt.toISOString(),
  }));
}
