import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { judgingRuns, memberships, meta, rubrics, scores, trajectories } from "@/db/schema";
import { connectTestDb } from "@/db/test/setup-db";
import { getProjectStats } from "@/lib/projects/server/project-stats";
import { DEMO_PROGRAM_RUBRIC } from "./demo-rubrics";
import { DEFAULT_PROJECT_KEY, runFirstStart } from "./first-start";

const { db } = connectTestDb();

describe("first start", () => {
  it("creates the local admin and the demo project once, from the real fixtures", async () => {
    // the shared test database may already hold a first start from another test file
    await db.delete(meta);
    const email = `admin-${crypto.randomUUID().slice(0, 8)}@test.dev`;
    const [a, b] = await Promise.all([
      runFirstStart({ db, adminEmail: email, seedDemo: true }),
      runFirstStart({ db, adminEmail: email, seedDemo: true }),
    ]);
    const first = a.admin.created ? a : b;
    const second = a.admin.created ? b : a;
    expect(first.admin.password).toHaveLength(16);
    expect(second.admin).toMatchObject({ created: false, password: null });
    expect(second.demoProjectId).toBe(first.demoProjectId);
    const stats = await getProjectStats({ db, projectId: first.demoProjectId! });
    // LiveMCPBench's catalogue and the bundled offline toolspace; MCP-Atlas, tau2 and the offline tasks
    expect(stats).toMatchObject({ toolspaces: 2, tools: 527 + 150, taskSets: 3, members: 1 });
    expect(stats.tasks).toBeGreaterThanOrEqual(60 + 30);
    // the MCP-Atlas reference trajectories, each linked to its task
    const refs = await db.select().from(trajectories).where(eq(trajectories.projectId, first.demoProjectId!));
    expect(refs).toHaveLength(10);
    expect(refs.every((t) => t.taskId && t.clientId?.startsWith("mcp-atlas:") && t.toolCallCount > 0)).toBe(true);
    // the published rubrics, and a program-check rubric the first judging run scores the references by
    const rubricRows = await db.select().from(rubrics).where(eq(rubrics.projectId, first.demoProjectId!));
    expect(rubricRows.filter((r) => r.name === DEMO_PROGRAM_RUBRIC)).toHaveLength(1);
    expect(rubricRows.length).toBeGreaterThanOrEqual(11);
    // a finished judging run has scored every reference by those checks
    const [run] = await db.select().from(judgingRuns).where(eq(judgingRuns.projectId, first.demoProjectId!));
    expect(run.finishedAt).not.toBeNull();
    expect(run.trajectoryIds.sort()).toEqual(refs.map((t) => t.id).sort());
    const rewards = await db
      .select()
      .from(scores)
      .where(and(eq(scores.projectId, first.demoProjectId!), isNull(scores.criterionId)));
    expect(rewards).toHaveLength(10);
    // the 8k context criterion tells the references apart: not every reward is 1
    expect(rewards.every((r) => r.value !== null && r.value > 0 && r.rubricVersionId === run.rubricVersionId)).toBe(
      true,
    );
    expect(new Set(rewards.map((r) => r.value)).size).toBeGreaterThan(1);
    const [m] = await db.select().from(memberships).where(eq(memberships.projectId, first.demoProjectId!));
    expect(m.role).toBe("admin");
    const [{ value }] = await db.select().from(meta).where(eq(meta.key, DEFAULT_PROJECT_KEY));
    expect(value).toBe(first.demoProjectId);
  });

  it("uses the operator's password when given and never prints it", async () => {
    await db.delete(meta);
    const r = await runFirstStart({
      db,
      adminEmail: `op-${crypto.randomUUID().slice(0, 8)}@test.dev`,
      adminPassword: "operator-pass",
      seedDemo: false,
    });
    expect(r.admin).toMatchObject({ created: true, password: null });
    expect(r.demoProjectId).toBeNull();
  });
});
