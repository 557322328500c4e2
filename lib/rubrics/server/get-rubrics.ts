// Reading rubrics: the project's list with each rubric's latest version (number, criterion
// count, rule, time), one rubric with every version (newest first), one version by id.
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rubrics, rubricVersions, taskSets, tasks, user } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { Aggregation, Criterion } from "../model";
import type { RubricDetail, RubricSummary, RubricVersionView } from "../schemas";

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** What a rubric's row shows, with its task and task set named (both joined by the caller). */
const rubricColumns = {
  id: rubrics.id,
  name: rubrics.name,
  taskId: rubrics.taskId,
  taskRef: tasks.externalId,
  taskSetId: rubrics.taskSetId,
  taskSetName: taskSets.name,
  createdAt: rubrics.createdAt,
};

export async function listRubrics({ db, projectId }: { db: DbOrTx; projectId: string }): Promise<RubricSummary[]> {
  const latest = db
    .selectDistinctOn([rubricVersions.rubricId], {
      rubricId: rubricVersions.rubricId,
      version: rubricVersions.version,
      criteria: sql<number>`jsonb_array_length(${rubricVersions.criteria})`.as("criteria_count"),
      rule: sql<string>`${rubricVersions.aggregation}->>'rule'`.as("rule"),
      updatedAt: sql<Date>`${rubricVersions.createdAt}`.as("updated_at"),
    })
    .from(rubricVersions)
    .innerJoin(rubrics, eq(rubrics.id, rubricVersions.rubricId))
    .where(eq(rubrics.projectId, projectId))
    .orderBy(rubricVersions.rubricId, desc(rubricVersions.version))
    .as("latest");
  const rows = await db
    .select({
      ...rubricColumns,
      latestVersion: latest.version,
      criteria: latest.criteria,
      rule: latest.rule,
      updatedAt: latest.updatedAt,
    })
    .from(rubrics)
    .innerJoin(latest, eq(latest.rubricId, rubrics.id))
    .leftJoin(tasks, eq(tasks.id, rubrics.taskId))
    .leftJoin(taskSets, eq(taskSets.id, rubrics.taskSetId))
    .where(eq(rubrics.projectId, projectId))
    .orderBy(rubrics.name, rubrics.id);
  return rows.map((r) => ({
    ...r,
    criteria: Number(r.criteria),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  }));
}

const versionColumns = {
  id: rubricVersions.id,
  rubricId: rubricVersions.rubricId,
  version: rubricVersions.version,
  criteria: rubricVersions.criteria,
  aggregation: rubricVersions.aggregation,
  createdBy: rubricVersions.createdBy,
  author: user.name,
  createdAt: rubricVersions.createdAt,
};

type VersionRow = { criteria: unknown; aggregation: unknown; createdAt: Date };
const toVersionView = <R extends VersionRow>(v: R) =>
  ({
    ...v,
    criteria: v.criteria as Criterion[],
    aggregation: v.aggregation as Aggregation,
    createdAt: iso(v.createdAt),
  }) as unknown as RubricVersionView;

async function rubricOf(db: DbOrTx, projectId: string, rubricId: string) {
  const [row] = await db
    .select({
      ...rubricColumns,
    })
    .from(rubrics)
    .leftJoin(tasks, eq(tasks.id, rubrics.taskId))
    .leftJoin(taskSets, eq(taskSets.id, rubrics.taskSetId))
    .where(and(eq(rubrics.id, rubricId), eq(rubrics.projectId, projectId)));
  if (!row) throw notFound("The rubric", "rubricId");
  return { ...row, createdAt: iso(row.createdAt) };
}

export async function getRubric({
  db,
  projectId,
  rubricId,
}: {
  db: DbOrTx;
  projectId: string;
  rubricId: string;
}): Promise<RubricDetail> {
  const rubric = await rubricOf(db, projectId, rubricId);
  const versions = await db
    .select(versionColumns)
    .from(rubricVersions)
    .leftJoin(user, eq(user.id, rubricVersions.createdBy))
    .where(eq(rubricVersions.rubricId, rubricId))
    .orderBy(desc(rubricVersions.version));
  return { ...rubric, versions: versions.map(toVersionView) };
}

/** One version by its id, or by its number when `version` is given instead. */
export async function getRubricVersion({
  db,
  projectId,
  rubricId,
  versionId,
  version,
}: {
  db: DbOrTx;
  projectId: string;
  rubricId: string;
  versionId?: string;
  version?: number;
}): Promise<RubricVersionView> {
  await rubricOf(db, projectId, rubricId);
  const which = versionId !== undefined ? eq(rubricVersions.id, versionId) : eq(rubricVersions.version, version ?? 0);
  const [row] = await db
    .select(versionColumns)
    .from(rubricVersions)
    .leftJoin(user, eq(user.id, rubricVersions.createdBy))
    .where(and(eq(rubricVersions.rubricId, rubricId), which));
  if (!row)
    throw notFound(
      versionId !== undefined ? "The version" : `Version ${version} of this rubric`,
      versionId !== undefined ? "versionId" : "version",
    );
  return toVersionView(row);
}
