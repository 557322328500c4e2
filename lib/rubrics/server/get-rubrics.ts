// Reading rubrics: the project's list with each rubric's latest version number and criterion
// count, and one rubric with every version (newest first).
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rubrics, rubricVersions, tasks } from "@/db/schema";
import { notFound } from "@/lib/errors";

export async function listRubrics({ db, projectId }: { db: DbOrTx; projectId: string }) {
  return db
    .select({
      id: rubrics.id,
      name: rubrics.name,
      taskId: rubrics.taskId,
      taskRef: tasks.externalId,
      taskSetId: rubrics.taskSetId,
      createdAt: rubrics.createdAt,
      latestVersion: sql<number>`(select max(v.version) from rubric_versions v where v.rubric_id = ${rubrics.id})`,
      criteria: sql<number>`(select jsonb_array_length(v.criteria) from rubric_versions v
        where v.rubric_id = ${rubrics.id} order by v.version desc limit 1)`,
    })
    .from(rubrics)
    .leftJoin(tasks, eq(tasks.id, rubrics.taskId))
    .where(eq(rubrics.projectId, projectId))
    .orderBy(rubrics.name, rubrics.id);
}

export async function getRubric({ db, projectId, rubricId }: { db: DbOrTx; projectId: string; rubricId: string }) {
  const [rubric] = await db
    .select()
    .from(rubrics)
    .where(and(eq(rubrics.id, rubricId), eq(rubrics.projectId, projectId)));
  if (!rubric) throw notFound("The rubric", "rubricId");
  const versions = await db
    .select()
    .from(rubricVersions)
    .where(eq(rubricVersions.rubricId, rubricId))
    .orderBy(desc(rubricVersions.version));
  return { ...rubric, versions };
}
