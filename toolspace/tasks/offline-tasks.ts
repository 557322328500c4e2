// Plays a task's reference solution on bundled servers (the same processes an episode starts),
// so a test can show that each task is solvable and that its reference answer is what the tools say.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectServer, type ServerHandle } from "@/lib/runtime/mcp/server/connect-server";
import { bundledServers } from "../servers/index";
import file from "./offline-tasks.json" with { type: "json" };
import { type OfflineTask, offlineTaskFile } from "./task-file";

export type { OfflineTask };

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

/**
 * Tools whose calls change what later calls see (reading mail marks it read). A task without
 * them can share servers with other such tasks and still see exactly what fresh servers show.
 */
export const STATEFUL_TOOLS = new Set(
  [
    "calendar.create_event calendar.update_event calendar.cancel_event calendar.add_attendee calendar.remove_attendee",
    "tickets.create_ticket tickets.update_ticket tickets.change_ticket_status tickets.assign_ticket",
    "tickets.add_ticket_comment tickets.link_tickets",
    "shop.add_to_cart shop.remove_from_cart shop.apply_discount_code shop.place_order shop.cancel_order",
    "docs.create_document docs.update_document",
    "crm.create_contact crm.update_contact crm.add_note crm.log_activity crm.update_deal_stage",
    "tables.insert_row tables.update_rows tables.delete_rows",
    "mail.read_message mail.read_thread mail.mark_unread mail.move_message mail.label_message mail.save_draft",
    "mail.send_draft mail.send_message mail.reply_to_message mail.forward_message",
    "calculator.memory_store calculator.memory_list",
    "filesystem.write_file filesystem.edit_file filesystem.create_directory filesystem.move_file",
    "memory.create_entities memory.create_relations memory.add_observations memory.delete_entities",
    "memory.delete_observations memory.delete_relations",
  ].flatMap((line) => line.split(" ")),
);

const isStateful = (c: OfflineTask["solution"][number]) =>
  STATEFUL_TOOLS.has(c.tool) || (c.tool === "calculator.evaluate_expression" && "store_as" in c.args);

/** The servers whose state the task's solution changes. */
export const changedServers = (task: OfflineTask) => [
  ...new Set(task.solution.filter(isStateful).map((c) => c.tool.split(".")[0])),
];

export const changesState = (task: OfflineTask) => task.solution.some(isStateful);

export type ServerSet = { dir: string; handles: Map<string, ServerHandle>; close(): Promise<void> };

/** Starts bundled servers in parallel, each as the studio starts it, in one fresh folder. */
export async function startServers(names: string[]): Promise<ServerSet> {
  const dir = await mkdtemp(path.join(tmpdir(), "atlas-task-"));
  const handles = new Map<string, ServerHandle>();
  const close = async () => {
    await Promise.all([...handles.values()].map((h) => h.close()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(
      names.map(async (name) => {
        const s = bundledServers.find((b) => b.name === name);
        if (!s) throw new Error(`no bundled server ${name}`);
        handles.set(name, await connectServer(s.config(dir), { name, timeoutMs: 60_000 }));
      }),
    );
  } catch (e) {
    await close();
    throw e;
  }
  return { dir, handles, close };
}

/** Runs the task's solution calls in order on started servers. */
export async function playSolution(task: OfflineTask, set: ServerSet): Promise<SolutionStep[]> {
  const steps: SolutionStep[] = [];
  for (const call of task.solution) {
    const [server, tool] = call.tool.split(".");
    const handle = set.handles.get(server);
    if (!handle || !task.servers.includes(server))
      throw new Error(`${task.id}: ${call.tool} is on a server the task does not list`);
    const args = withDir(call.args, set.dir) as Record<string, unknown>;
    const r = await handle.callTool(tool, args);
    steps.push({ tool: call.tool, args, isError: r.isError, text: r.ok ? r.content : r.error });
  }
  return steps;
}

/** The task's solution on fresh servers: only the ones it names, in their own folder. */
export async function runSolution(task: OfflineTask): Promise<SolutionStep[]> {
  const set = await startServers(task.servers);
  try {
    return await playSolution(task, set);
  } finally {
    await set.close();
  }
}
