// Checks of what a queue points at: its label schemas, its trajectories and its assignees
// must be the project's own. Each refusal names the offending entry.
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labelSchemas, memberships, trajectories, user } from "@/db/schema";
import { roleAtLeast } from "@/lib/access/roles";
import { invalid } from "@/lib/errors";
import { anyOf } from "./any-of";

export async function checkQueueSchemas(db: DbOrTx, projectId: string, ids: string[], keep: string[] = []) {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length) throw invalid("labelSchemaIds", "A label schema is listed twice in labelSchemaIds");
  const rows = await db
    .select({ id: labelSchemas.id, name: labelSchemas.name, archived: labelSchemas.archived })
    .from(labelSchemas)
    .where(and(eq(labelSchemas.projectId, projectId), inArray(labelSchemas.id, unique)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const r = byId.get(id);
    if (!r) throw invalid(`labelSchemaIds.${i}`, `${id} is not a label schema of this project`);
    // a queue may keep a schema archived after it was added, but not take on a new archived one
    if (r.archived && !keep.includes(id))
      throw invalid(`labelSchemaIds.${i}`, `The label schema '${r.name}' is archived: restore it first`);
  });
  return ids;
}

/** The ids in order without repeats, all of them trajectories of the project. */
export async function checkQueueTrajectories(db: DbOrTx, projectId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const rows = await db
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(and(eq(trajectories.projectId, projectId), anyOf(trajectories.id, unique)));
  if (rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.id));
    const i = ids.findIndex((id) => !found.has(id));
    const missing = unique.length - rows.length;
    throw invalid(
      `trajectoryIds.${i}`,
      `${ids[i]} is not a trajectory of this project${missing > 1 ? ` (nor are ${missing - 1} more)` : ""}: send ids from this project's trajectory list`,
    );
  }
  return unique;
}

/** Assignees must be members who may label (labeler, editor or admin). */
export async function checkAssignees(db: DbOrTx, projectId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const rows = await db
    .select({ userId: memberships.userId, role: memberships.role, email: user.email })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(eq(memberships.projectId, projectId), inArray(memberships.userId, unique)));
  const byId = new Map(rows.map((r) => [r.userId, r]));
  ids.forEach((id, i) => {
    const m = byId.get(id);
    if (!m)
      throw invalid(
        `assigneeIds.${i}`,
        `${id} is not a member of this project: an admin can add them under Settings > Members`,
      );
    if (!roleAtLeast(m.role, "labeler"))
      throw invalid(
        `assigneeIds.${i}`,
        `${m.email} is a viewer, and labeling needs the labeler role: ask an admin to change it`,
      );
  });
  return unique;
}
