import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, meta, trajectories } from "@/db/schema";
import { connectTestDb } from "@/db/test/setup-db";
import { getProjectStats } from "@/lib/projects/server/project-stats";
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
    expect(stats).toMatchObject({ toolspaces: 1, tools: 527, taskSets: 2, tasks: 60, members: 1 });
    // the MCP-Atlas reference trajectories, each linked to its task
    const refs = await db.select().from(trajectories).where(eq(trajectories.projectId, first.demoProjectId!));
    expect(refs).toHaveLength(10);
    expect(refs.every((t) => t.taskId && t.clientId?.startsWith("mcp-atlas:") && t.toolCallCount > 0)).toBe(true);
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
