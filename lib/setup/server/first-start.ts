// What the first start creates: the local admin and the demo project. Runs under an advisory
// lock and records what it did, so later starts (or several processes at once) do nothing.
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memberships, projects, user } from "@/db/schema";
import { createUser } from "@/lib/auth/server/create-user";
import { mcpAtlasTrajectories } from "@/lib/imports/formats/mcp-atlas";
import { importMcpAtlasTasks } from "@/lib/tasks/server/import-mcp-atlas-tasks";
import { importTau2Tasks } from "@/lib/tasks/server/import-tau2-tasks";
import { importCatalogue } from "@/lib/toolspaces/server/import-catalogue";
import { ingestTrajectories, validateRecords } from "@/lib/trajectories/server/ingest-trajectories";
import { seedDemoRubrics } from "./demo-rubrics";
import { seedOfflineToolspace } from "./demo-toolspace";
import { getMeta, setMeta } from "./meta";

const LOCK = 7_361_002;
export const DEMO_DATA_DIR = path.join(process.cwd(), "db", "seed", "data");
export const LOCAL_ADMIN_KEY = "local_admin";
export const DEFAULT_PROJECT_KEY = "default_project";

export type FirstStartReport = {
  admin: { email: string; password: string | null; created: boolean };
  demoProjectId: string | null;
};

export async function runFirstStart({
  db,
  adminEmail,
  adminPassword,
  seedDemo,
}: {
  db: Db;
  adminEmail?: string;
  adminPassword?: string;
  seedDemo: boolean;
}): Promise<FirstStartReport> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
    const admin = await ensureLocalAdmin(tx, adminEmail, adminPassword);
    let demoProjectId = await getMeta<string>(tx, DEFAULT_PROJECT_KEY);
    if (!demoProjectId && seedDemo) demoProjectId = await seedDemoProject(tx, admin.id);
    return { admin: { email: admin.email, password: admin.password, created: admin.created }, demoProjectId };
  });
}

async function ensureLocalAdmin(db: DbOrTx, email?: string, password?: string) {
  const known = await getMeta<{ userId: string }>(db, LOCAL_ADMIN_KEY);
  if (known) {
    const [u] = await db.select().from(user).where(eq(user.id, known.userId));
    if (u) return { id: u.id, email: u.email, password: null, created: false };
  }
  const wanted = (email ?? "admin@atlas.local").toLowerCase();
  const [existing] = await db.select().from(user).where(eq(user.email, wanted));
  const created = existing
    ? { id: existing.id, email: existing.email, password: null as string | null }
    : await createUser({ db, input: { email: wanted, name: "Local admin", password } });
  await setMeta(db, LOCAL_ADMIN_KEY, { userId: created.id });
  // an explicit password is the operator's own; only a generated one is printed
  return { id: created.id, email: created.email, password: password ? null : created.password, created: !existing };
}

async function seedDemoProject(db: DbOrTx, adminId: string): Promise<string> {
  const [p] = await db
    .insert(projects)
    .values({
      name: "Demo project",
      isDemo: true,
      description:
        "Real public benchmark data: MCP-Atlas tasks with claims and human reference trajectories, tau2-bench airline tasks, and the LiveMCPBench catalogue of 527 tools",
    })
    .returning();
  await db.insert(memberships).values({ projectId: p.id, userId: adminId, role: "admin" });
  const read = (f: string) => fs.readFileSync(path.join(DEMO_DATA_DIR, f), "utf8");
  await importCatalogue({
    db,
    projectId: p.id,
    json: read("tools.json"),
    name: "LiveMCPBench catalogue",
    source: "livemcpbench",
  });
  const mcpAtlas = await importMcpAtlasTasks({ db, projectId: p.id, csv: read("sample_tasks.csv") });
  await importTau2Tasks({ db, projectId: p.id, json: read("tasks.json") });
  // the human reference trajectories of the MCP-Atlas tasks: real episodes to open at once
  const references = validateRecords(mcpAtlasTrajectories(read("sample_tasks.csv")));
  const results = await ingestTrajectories({ db, projectId: p.id, items: references });
  const invalid = results.filter((r) => r.status === "invalid");
  if (invalid.length) throw new Error(`Demo trajectories did not validate: ${JSON.stringify(invalid[0])}`);
  await seedDemoRubrics({
    db,
    projectId: p.id,
    userId: adminId,
    mcpAtlasCsv: read("sample_tasks.csv"),
    tau2TasksJson: read("tasks.json"),
    mcpAtlasTaskSetId: mcpAtlas.taskSetId,
    trajectoryIds: results.flatMap((r) => (r.status === "invalid" ? [] : [r.id])),
  });
  // the bundled servers and their tasks: a benchmark the studio can run with no network
  await seedOfflineToolspace(db, p.id, adminId);
  await setMeta(db, DEFAULT_PROJECT_KEY, p.id);
  return p.id;
}
