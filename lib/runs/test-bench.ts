// A small benchmark for run tests: a toolspace of the bundled servers the chosen offline tasks
// need (tools from the committed snapshot, started as real stdio processes), a task set of those
// tasks with a program-check rubric each, and a policy row pointing at a scripted endpoint.
import type { Db } from "@/db/client";
import { mcpServers, policies, taskSets, tasks, tools, toolspaces } from "@/db/schema";
import { createRubric } from "@/lib/rubrics/server/save-rubric";
import snapshot from "@/toolspace/servers/tools.snapshot.json" with { type: "json" };
import { readOfflineTasks } from "@/toolspace/tasks/offline-tasks";

type SnapshotServer = {
  server: string;
  description: string;
  tools: { name: string; description?: string; inputSchema?: unknown }[];
};

export async function makeBench(db: Db, projectId: string, taskIds: string[], policyUrl: string) {
  const all = readOfflineTasks().tasks;
  const chosen = taskIds.map((id) => {
    const t = all.find((x) => x.id === id);
    if (!t) throw new Error(`no offline task ${id}`);
    return t;
  });
  const serverNames = [...new Set(chosen.flatMap((t) => t.servers))];
  const [space] = await db.insert(toolspaces).values({ projectId, name: "bench test toolspace" }).returning();
  for (const name of serverNames) {
    const entry = (snapshot as SnapshotServer[]).find((s) => s.server === name);
    if (!entry) throw new Error(`no bundled server ${name} in the snapshot`);
    const [server] = await db
      .insert(mcpServers)
      .values({
        toolspaceId: space.id,
        name,
        transport: "stdio",
        description: entry.description,
        config: stdioConfig(name),
      })
      .returning();
    await db.insert(tools).values(
      entry.tools.map((t) => ({
        toolspaceId: space.id,
        serverId: server.id,
        name: t.name,
        description: t.description ?? "",
        inputSchema: t.inputSchema ?? {},
        schemaTokens: 0,
      })),
    );
  }
  const [set] = await db
    .insert(taskSets)
    .values({ projectId, name: "offline tasks (test)", toolspaceId: space.id })
    .returning();
  const taskRows = await db
    .insert(tasks)
    .values(
      chosen.map((t) => ({
        projectId,
        taskSetId: set.id,
        externalId: t.id,
        prompt: t.prompt,
        reference: { answer: t.referenceAnswer, claims: t.claims, tools: t.referenceTools, solution: t.solution },
        metadata: { category: t.category, servers: t.servers },
      })),
    )
    .returning();
  for (const [i, t] of chosen.entries()) {
    await createRubric({
      db,
      projectId,
      userId: null,
      input: {
        name: `${t.id} rubric`,
        taskId: taskRows[i].id,
        version: {
          criteria: t.checks.map((check, k) => ({
            id: `check-${k + 1}`,
            title: `${check.check} ${k + 1}`,
            weight: 1,
            verifier: { kind: "program" as const, check },
          })),
          aggregation: { rule: "coverage-pass" as const, threshold: 1 },
        },
      },
    });
  }
  const [policy] = await db
    .insert(policies)
    .values({
      projectId,
      name: "oracle",
      baseUrl: policyUrl,
      model: "oracle",
      config: {
        apiKey: null,
        temperature: 0,
        maxTokens: 512,
        contextWindow: 32_768,
        tokenizer: "o200k_base",
        timeoutMs: 10_000,
      },
    })
    .returning();
  return { toolspace: space, taskSet: set, tasks: taskRows, policy, offline: chosen };
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: the runtime fills the episode's folder in
const EPISODE_DIR = "${EPISODE_DIR}";

function stdioConfig(name: string) {
  if (name === "filesystem")
    return {
      transport: "stdio",
      command: "node",
      args: ["node_modules/@modelcontextprotocol/server-filesystem/dist/index.js", EPISODE_DIR],
      env: {},
    };
  if (name === "memory")
    return {
      transport: "stdio",
      command: "node",
      args: ["node_modules/@modelcontextprotocol/server-memory/dist/index.js"],
      env: { MEMORY_FILE_PATH: `${EPISODE_DIR}/memory.jsonl` },
    };
  return {
    transport: "stdio",
    command: "node",
    args: ["--import", "tsx", `toolspace/servers/${name}/server.ts`],
    env: {},
  };
}
