// The bundled offline toolspace and its task set in a project: the 12 servers as stdio configs
// the studio starts from its working directory, their tools from the committed snapshot (version 1,
// schema tokens counted as for any registered server), and the offline tasks with one rubric each.
// Reads files only: no server starts, so the first start stays fast.
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mcpServers, rubrics, rubricVersions, taskSets, tasks, toolspaces } from "@/db/schema";
import { rubricInput } from "@/lib/rubrics/schemas";
import type { StdioServerConfig } from "@/lib/runtime/mcp/schemas";
import { snapshotOf } from "@/lib/runtime/mcp/server/snapshot-tools";
import type { ToolDefinition } from "@/lib/runtime/strategies/meta-tools";
import { storeSnapshot } from "@/lib/toolspaces/server/store-snapshot";
import { offlineTaskFile } from "@/toolspace/tasks/task-file";
import { taskRubric } from "@/toolspace/tasks/task-rubric";

export const OFFLINE_TOOLSPACE = "Atlas offline toolspace";
export const OFFLINE_TASK_SET = "Atlas offline tasks";
export const BUNDLED_SOURCE = "bundled";

const ROOT = process.cwd();
const SNAPSHOT_FILE = "toolspace/servers/tools.snapshot.json";
const TASK_FILE = "toolspace/tasks/offline-tasks.json";
// biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder the runtime fills per episode
const EPISODE_DIR = "${EPISODE_DIR}";

type SnapshotServer = { server: string; description: string; tools: ToolDefinition[] };

/** How the studio starts each official server; ours are node with tsx on their server.ts. */
const OFFICIAL: Record<string, { args: string[]; env: Record<string, string> }> = {
  everything: { args: ["stdio"], env: {} },
  filesystem: { args: [EPISODE_DIR], env: {} },
  memory: { args: [], env: { MEMORY_FILE_PATH: `${EPISODE_DIR}/memory.jsonl` } },
};

/** A bundled server's stored config: paths relative to the studio's working directory. */
export function bundledServerConfig(name: string): Omit<StdioServerConfig, "transport"> {
  const official = OFFICIAL[name];
  if (!official) return { command: "node", args: ["--import", "tsx", `toolspace/servers/${name}/server.ts`], env: {} };
  return {
    command: "node",
    args: [`node_modules/@modelcontextprotocol/server-${name}/dist/index.js`, ...official.args],
    env: official.env,
  };
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));

/**
 * Creates the offline toolspace, its task set, tasks and rubrics in the project, once: a project
 * that already has the bundled toolspace keeps it (and gets the task set if it lacks it). Callers
 * serialise: the first start runs it under its advisory lock.
 */
export async function seedOfflineToolspace(db: DbOrTx, projectId: string, userId: string | null = null) {
  const toolspaceId = await ensureToolspace(db, projectId);
  const [existing] = await db
    .select({ id: taskSets.id })
    .from(taskSets)
    .where(and(eq(taskSets.projectId, projectId), eq(taskSets.name, OFFLINE_TASK_SET)));
  if (existing) return { toolspaceId, taskSetId: existing.id };
  const file = offlineTaskFile.parse(readJson(TASK_FILE));
  const [set] = await db
    .insert(taskSets)
    .values({
      projectId,
      name: OFFLINE_TASK_SET,
      description: file.description,
      source: BUNDLED_SOURCE,
      toolspaceId,
    })
    .returning({ id: taskSets.id });
  const rows = await db
    .insert(tasks)
    .values(
      file.tasks.map((t) => ({
        projectId,
        taskSetId: set.id,
        externalId: t.id,
        prompt: t.prompt,
        reference: { answer: t.referenceAnswer, claims: t.claims, tools: t.referenceTools, solution: t.solution },
        metadata: { category: t.category, servers: t.servers },
      })),
    )
    .returning({ id: tasks.id, externalId: tasks.externalId });
  const idOf = new Map(rows.map((r) => [r.externalId, r.id]));
  const inputs = file.tasks.map((t) => rubricInput.parse(taskRubric(t, idOf.get(t.id))));
  const made = await db
    .insert(rubrics)
    .values(inputs.map((r) => ({ projectId, name: r.name, taskId: r.taskId ?? null })))
    .returning({ id: rubrics.id, taskId: rubrics.taskId });
  const rubricOf = new Map(made.map((r) => [r.taskId, r.id]));
  await db.insert(rubricVersions).values(
    inputs.map((r) => ({
      rubricId: rubricOf.get(r.taskId ?? null) as string,
      version: 1,
      criteria: r.version.criteria,
      aggregation: r.version.aggregation,
      createdBy: userId,
    })),
  );
  return { toolspaceId, taskSetId: set.id };
}

async function ensureToolspace(db: DbOrTx, projectId: string): Promise<string> {
  const [found] = await db
    .select({ id: toolspaces.id })
    .from(toolspaces)
    .where(
      and(
        eq(toolspaces.projectId, projectId),
        eq(toolspaces.name, OFFLINE_TOOLSPACE),
        eq(toolspaces.source, BUNDLED_SOURCE),
      ),
    );
  if (found) return found.id;
  const servers = readJson(SNAPSHOT_FILE) as SnapshotServer[];
  const [space] = await db
    .insert(toolspaces)
    .values({
      projectId,
      name: OFFLINE_TOOLSPACE,
      source: BUNDLED_SOURCE,
      description: `${servers.length} local MCP servers started fresh for each episode, on one fixed clock (2026-11-25T09:00Z): geo, calculator, calendar, tickets, shop, docs, CRM, tables and mail of our own, and the official everything, filesystem and memory servers`,
    })
    .returning({ id: toolspaces.id });
  const rows = await db
    .insert(mcpServers)
    .values(
      servers.map((s) => ({
        toolspaceId: space.id,
        name: s.server,
        transport: "stdio" as const,
        config: bundledServerConfig(s.server),
        description: s.description,
      })),
    )
    .returning({ id: mcpServers.id, name: mcpServers.name, toolspaceId: mcpServers.toolspaceId });
  for (const row of rows) {
    const listed = servers.find((s) => s.server === row.name)?.tools ?? [];
    await storeSnapshot(db, row, listed, snapshotOf(listed));
  }
  return space.id;
}
