import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labelSchemas, labels, user } from "@/db/schema";
import type { LabelView } from "../schemas";
import { loadTrajectory } from "./load-trajectory";
import { toLabelView } from "./to-view";

export const labelColumns = {
  id: labels.id,
  labelSchemaId: labels.labelSchemaId,
  trajectoryId: labels.trajectoryId,
  stepIndex: labels.stepIndex,
  value: labels.value,
  authorId: labels.authorId,
  createdAt: labels.createdAt,
  updatedAt: labels.updatedAt,
  schemaName: labelSchemas.name,
  authorName: user.name,
  authorEmail: user.email,
};

/** Labels on trajectories, with their schema's name and their author; oldest first. */
export async function selectLabels(db: DbOrTx, where: SQL[]): Promise<LabelView[]> {
  const rows = await db
    .select(labelColumns)
    .from(labels)
    .innerJoin(labelSchemas, eq(labelSchemas.id, labels.labelSchemaId))
    .leftJoin(user, eq(user.id, labels.authorId))
    .where(and(...where))
    .orderBy(asc(labels.stepIndex), asc(labelSchemas.name), asc(labels.createdAt));
  return rows.map(toLabelView);
}

export async function listTrajectoryLabels({
  db,
  projectId,
  trajectoryId,
  labelSchemaIds,
}: {
  db: DbOrTx;
  projectId: string;
  trajectoryId: string;
  labelSchemaIds?: string[];
}) {
  await loadTrajectory(db, projectId, trajectoryId);
  const where = [eq(labels.projectId, projectId), eq(labels.trajectoryId, trajectoryId)];
  if (labelSchemaIds) {
    if (!labelSchemaIds.length) return [];
    where.push(inArray(labels.labelSchemaId, labelSchemaIds));
  }
  return selectLabels(db, where);
}
