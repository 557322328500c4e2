import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { taskSets, tasks } from "@/db/schema";
import { escapeLike } from "@/lib/db-text";
import type { taskListQuery } from "../schemas";

export async function listTasks({
  db,
  projectId,
  query,
}: {
  db: DbOrTx;
  projectId: string;
  query: z.infer<typeof taskListQuery>;
}) {
  const where: SQL[] = [eq(tasks.projectId, projectId)];
  if (query.taskSetId) where.push(eq(tasks.taskSetId, query.taskSetId));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(tasks.prompt, like), ilike(tasks.externalId, like)) as SQL);
  }
  const dir = query.sort.startsWith("-") ? desc : asc;
  // ids like 2, 10, 100 sort as numbers: shorter first, then by text
  const order = query.sort.endsWith("externalId")
    ? [dir(sql`length(${tasks.externalId})`), dir(tasks.externalId)]
    : [dir(tasks.createdAt)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ t: tasks, setName: taskSets.name })
      .from(tasks)
      .innerJoin(taskSets, eq(taskSets.id, tasks.taskSetId))
      .where(and(...where))
      .orderBy(...order, asc(tasks.id))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: count() })
      .from(tasks)
      .where(and(...where)),
  ]);
  return {
    items: rows.map(({ t, setName }) => ({
      id: t.id,
      taskSetId: t.taskSetId,
      taskSetName: setName,
      externalId: t.externalId,
      prompt: t.prompt.slice(0, 300),
      createdAt: t.createdAt.toISOString(),
    })),
    total: total.n,
  };
}
