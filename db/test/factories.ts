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

/** A task set with one task per entry; `category` goes to tasks.metadata.category. */
export async function makeTaskSet(db: Db, projectId: string, items: { externalId: string; category?: string }[]) {
  const { taskSets, tasks } = await import("../schema");
  const [set] = await db
    .insert(taskSets)
    .values({ projectId, name: `set ${randomUUID().slice(0, 8)}` })
    .returning();
  const rows = items.length
    ? await db
        .insert(tasks)
        .values(
          items.map((t) => ({
            projectId,
            taskSetId: set.id,
            externalId: t.externalId,
            prompt: `Solve ${t.externalId}`,
            metadata: t.category ? { category: t.category } : {},
          })),
        )
        .returning()
    : [];
  return { taskSet: set, tasks: rows };
}

/** A benchmark run on a task set, its config shaped as the run form writes it. */
export async function makeBenchmarkRun(
  db: Db,
  projectId: string,
  o: {
    taskSetId: string;
    strategy: string;
    name?: string;
    status?: "queued" | "running" | "succeeded" | "failed" | "cancelled";
    policy?: { name: string; model: string };
    checkpoint?: string | null;
  },
) {
  const { runs } = await import("../schema");
  const [run] = await db
    .insert(runs)
    .values({
      projectId,
      kind: "benchmark",
      name: o.name ?? `${o.strategy} ${randomUUID().slice(0, 6)}`,
      status: o.status ?? "succeeded",
      config: {
        taskSetId: o.taskSetId,
        strategy: o.strategy,
        checkpoint: o.checkpoint ?? null,
        policy: o.policy ?? { name: "test policy", model: "qwen3-4b" },
        samples: 1,
      },
    })
    .returning();
  return run;
}

/** One episode's trajectory of a run: a user prompt, then `turns` assistant steps with a tool result between them. */
export async function makeEpisodeTrajectory(
  db: Db,
  projectId: string,
  o: {
    runId: string;
    taskId: string;
    reward: number | null;
    outcome: "pass" | "fail" | "error" | null;
    turns?: number;
    toolCalls?: number;
    peakContextTokens?: number | null;
    durationMs?: number | null;
    episodeId?: string;
    strategy?: string;
  },
) {
  const { trajectories, trajectorySteps } = await import("../schema");
  const turns = o.turns ?? 2;
  const [t] = await db
    .insert(trajectories)
    .values({
      projectId,
      runId: o.runId,
      taskId: o.taskId,
      reward: o.reward,
      outcome: o.outcome,
      loadingStrategy: o.strategy ?? null,
      toolCallCount: o.toolCalls ?? turns - 1,
      peakContextTokens: o.peakContextTokens ?? null,
      durationMs: o.durationMs ?? null,
      stepCount: turns * 2,
      metadata: { episodeId: o.episodeId ?? randomUUID() },
    })
    .returning();
  const roles = ["user", ...Array.from({ length: turns * 2 - 1 }, (_, i) => (i % 2 ? "tool" : "assistant"))];
  await db
    .insert(trajectorySteps)
    .values(
      roles.map((role, index) => ({ trajectoryId: t.id, index, role, message: { role, content: `${role} ${index}` } })),
    );
  return t;
}
