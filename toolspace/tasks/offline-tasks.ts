// The offline task set's file format, and a runner that plays a task's reference solution on
// fresh bundled servers (the same processes an episode starts), so a test can show that each
// task is solvable and that its reference answer is what the tools say.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { programCheck } from "@/lib/rubrics/program-checks";
import { connectServer, type ServerHandle } from "@/lib/runtime/mcp/server/connect-server";
import { bundledServers } from "../servers/index";
import file from "./offline-tasks.json" with { type: "json" };

const qualified = z.string().regex(/^[a-z][a-z0-9-]*\.[A-Za-z0-9_-]+$/, 'a qualified tool name "server.tool"');

export const offlineTask = z.object({
  id: z.string().regex(/^OFF-\d{2}$/),
  category: z.enum(["lookup", "compute", "search", "cross-server", "state-change"]),
  prompt: z.string().min(20),
  servers: z.array(z.string().min(1)).min(1),
  referenceTools: z.array(qualified).min(1),
  /** in order, on fresh servers; `${EPISODE_DIR}` in a string argument is the episode's own folder */
  solution: z.array(z.object({ tool: qualified, args: z.record(z.string(), z.unknown()) })).min(1),
  referenceAnswer: z.string().min(1),
  /** strings each tool result set must contain somewhere: the answer's numbers, ids and names */
  facts: z.array(z.string().min(1)).min(1),
  claims: z.array(z.string().min(10)).min(2).max(4),
  checks: z.array(programCheck).min(1),
});
export type OfflineTask = z.infer<typeof offlineTask>;

export const offlineTaskFile = z.object({
  _source: z.string(),
  name: z.string(),
  description: z.string(),
  tasks: z.array(offlineTask).min(1),
});

/** The task file, checked: throws naming the task and field at fault. */
export const readOfflineTasks = () => offlineTaskFile.parse(file);

export type SolutionStep = { tool: string; args: Record<string, unknown>; isError: boolean; text: string };

// biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder, as in server configs
const EPISODE_DIR = "${EPISODE_DIR}";

const withDir = (v: unknown, dir: string): unknown =>
  typeof v === "string"
    ? v.replaceAll(EPISODE_DIR, dir)
    : Array.isArray(v)
      ? v.map((x) => withDir(x, dir))
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withDir(x, dir)]))
        : v;

/** Starts the task's servers in parallel in a fresh folder and runs its solution calls in order. */
export async function runSolution(task: OfflineTask): Promise<SolutionStep[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "atlas-task-"));
  const handles = new Map<string, ServerHandle>();
  try {
    await Promise.all(
      task.servers.map(async (name) => {
        const s = bundledServers.find((b) => b.name === name);
        if (!s) throw new Error(`${task.id}: no bundled server ${name}`);
        handles.set(name, await connectServer(s.config(dir), { name, timeoutMs: 60_000 }));
      }),
    );
    const steps: SolutionStep[] = [];
    for (const call of task.solution) {
      const [server, tool] = call.tool.split(".");
      const handle = handles.get(server);
      if (!handle) throw new Error(`${task.id}: ${call.tool} is on a server the task does not list`);
      const args = withDir(call.args, dir) as Record<string, unknown>;
      const r = await handle.callTool(tool, args);
      steps.push({ tool: call.tool, args, isError: r.isError, text: r.ok ? r.content : r.error });
    }
    return steps;
  } finally {
    await Promise.all([...handles.values()].map((h) => h.close()));
    await rm(dir, { recursive: true, force: true });
  }
}
