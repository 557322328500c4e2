import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type ProjectStats, projectStats } from "../schemas";

/** Counts for the overview and for empty states. */
export async function getProjectStats({ db, projectId }: { db: DbOrTx; projectId: string }): Promise<ProjectStats> {
  const p = sql`${projectId}::uuid`;
  const rows = await db.execute(sql`select
    (select count(*)::int from toolspaces where project_id = ${p}) as toolspaces,
    (select count(*)::int from tools t join toolspaces s on s.id = t.toolspace_id where s.project_id = ${p}) as tools,
    (select count(*)::int from task_sets where project_id = ${p}) as "taskSets",
    (select count(*)::int from tasks where project_id = ${p}) as tasks,
    (select count(*)::int from rubrics where project_id = ${p}) as rubrics,
    (select count(*)::int from trajectories where project_id = ${p}) as trajectories,
    (select count(*)::int from runs where project_id = ${p}) as runs,
    (select count(*)::int from jobs where project_id = ${p}) as jobs,
    (select count(*)::int from memberships where project_id = ${p}) as members`);
  return projectStats.parse(rows[0]);
}
