// Rubrics and their immutable versions: creating a rubric writes version 1; every later save
// writes the next version, never updating one, and answers the diff against the previous.
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rubrics, rubricVersions, taskSets, tasks } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { diffRubricVersions } from "../diff";
import type { Aggregation, Criterion } from "../model";
import { type RubricInput, type RubricVersionInput, rubricInput, rubricVersionInput } from "../schemas";

export async function createRubric({
  db,
  projectId,
  userId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  userId: string | null;
  input: RubricInput;
}) {
  const r = rubricInput.parse(input);
  if (r.taskId) {
    const [t] = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.id, r.taskId), eq(tasks.projectId, projectId)));
    if (!t) throw notFound("The task", "taskId");
  }
  if (r.taskSetId) {
    const [s] = await db
      .select({ id: taskSets.id })
      .from(taskSets)
      .where(and(eq(taskSets.id, r.taskSetId), eq(taskSets.projectId, projectId)));
    if (!s) throw notFound("The task set", "taskSetId");
  }
  const [rubric] = await db
    .insert(rubrics)
    .values({ projectId, name: r.name, taskId: r.taskId ?? null, taskSetId: r.taskSetId ?? null })
    .returning();
  const [version] = await db
    .insert(rubricVersions)
    .values({ rubricId: rubric.id, version: 1, ...r.version, createdBy: userId })
    .returning();
  return { rubric, version };
}

export async function saveRubricVersion({
  db,
  projectId,
  rubricId,
  userId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  rubricId: string;
  userId: string | null;
  input: RubricVersionInput;
}) {
  const v = rubricVersionInput.parse(input);
  // the row lock makes two saves at once take versions n+1 and n+2, not both n+1
  const [rubric] = await db
    .select()
    .from(rubrics)
    .where(and(eq(rubrics.id, rubricId), eq(rubrics.projectId, projectId)))
    .for("update");
  if (!rubric) throw notFound("The rubric", "rubricId");
  const [previous] = await db
    .select()
    .from(rubricVersions)
    .where(eq(rubricVersions.rubricId, rubricId))
    .orderBy(desc(rubricVersions.version))
    .limit(1);
  const [version] = await db
    .insert(rubricVersions)
    .values({
      rubricId,
      version: sql`${previous?.version ?? 0} + 1`,
      criteria: v.criteria,
      aggregation: v.aggregation,
      createdBy: userId,
    })
    .returning();
  const changes = previous
    ? diffRubricVersions(
        { criteria: previous.criteria as Criterion[], aggregation: previous.aggregation as Aggregation },
        v,
      )
    : [];
  return { version, changes };
}
