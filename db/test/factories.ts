// Test factories: each test makes its own users and project and never wipes shared tables.
import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/access/roles";
import type { Db } from "../client";
import { memberships, projects, user } from "../schema";

export async function makeUser(db: Db, tag = "user") {
  const id = randomUUID();
  const email = `${tag}-${id.slice(0, 8)}@test.dev`;
  await db.insert(user).values({ id, email, name: tag, emailVerified: true });
  return { id, email };
}

export async function makeProject(db: Db, members: Partial<Record<Role, number>> = { admin: 1 }) {
  const [p] = await db
    .insert(projects)
    .values({ name: `test ${randomUUID().slice(0, 8)}` })
    .returning();
  const users: Record<string, { id: string; email: string }> = {};
  for (const [role, n] of Object.entries(members) as [Role, number][])
    for (let i = 0; i < n; i++) {
      const u = await makeUser(db, role);
      await db.insert(memberships).values({ projectId: p.id, userId: u.id, role });
      users[i ? `${role}${i}` : role] = u;
    }
  return { project: p, users };
}

/** n trajectories with two steps each, made in SQL so that thousands cost milliseconds. */
export async function makeTrajectories(db: Db, projectId: string, n: number) {
  const { sql } = await import("drizzle-orm");
  await db.execute(sql`insert into trajectories (project_id, client_id, outcome, reward, step_count)
    select ${projectId}::uuid, 'traj-' || g, 'pass', 1, 2 from generate_series(1, ${n}) g`);
  await db.execute(sql`insert into trajectory_steps (trajectory_id, index, message)
    select t.id, s, jsonb_build_object('role', 'assistant', 'content', 'step ' || s)
    from trajectories t, generate_series(0, 1) s where t.project_id = ${projectId}::uuid`);
}
