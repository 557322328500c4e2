// A scripted policy for tests and benches that speaks the OpenAI-compatible protocol over real
// HTTP (test/openai-test-server.ts) and solves tasks of the offline task set the way a capable
// model would under each loading strategy: it finds the task by the user prompt, reads its
// progress from the conversation it is sent, loads what it needs (load_server under ISL,
// load_tools with qualified names under ITL), calls the solution's tools through the function
// names it is offered (under ITL+PTC in one run_program), then answers the reference answer.
// Tests can script misbehaviour for the next requests (script) or every request (setDefault).
import {
  type ChatRequestBody,
  content,
  type OpenAITestServer,
  type RecordedRequest,
  type Reply,
  startOpenAITestServer,
  toolCalls,
} from "./openai-test-server";

export type OracleTask = {
  id: string;
  prompt: string;
  servers: string[];
  solution: { tool: string; args: Record<string, unknown> }[];
  referenceAnswer: string;
};

export type OraclePolicy = OpenAITestServer & {
  /** back to solving tasks after setDefault scripted something else */
  solve(): void;
};

// biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder task files use
const EPISODE_DIR = "${EPISODE_DIR}";
type Message = NonNullable<ChatRequestBody["messages"]>[number];
type Action = { name: string; args: Record<string, unknown> };

export async function startOraclePolicy(tasks: readonly OracleTask[], opts: { record?: boolean } = {}) {
  const byPrompt = new Map(tasks.map((t) => [t.prompt, t]));
  const responder = (req: RecordedRequest) => oracleReply(byPrompt, req.body);
  const server = await startOpenAITestServer({ fallback: responder, record: opts.record, models: ["oracle"] });
  return { ...server, solve: () => server.setDefault(responder) } satisfies OraclePolicy;
}

/** The oracle's answer to one chat request: the next solution action, or the reference answer. */
export function oracleReply(byPrompt: ReadonlyMap<string, OracleTask>, body: ChatRequestBody | null): Reply {
  const messages = body?.messages ?? [];
  const user = messages.find((m) => m.role === "user");
  const task = user && typeof user.content === "string" ? byPrompt.get(user.content) : undefined;
  if (!task) return content("I do not know this task.");
  const offered = new Set((body?.tools ?? []).map((t) => t.function.name));
  const done = messages.filter((m) => m.role === "assistant" && m.tool_calls?.length).length;
  const plan = planFor(task, offered, messages);
  const next = plan[done];
  if (!next) return content(task.referenceAnswer);
  return toolCalls([{ id: `call_${done}`, name: next.name, arguments: next.args }]);
}

function planFor(task: OracleTask, offered: Set<string>, messages: Message[]): Action[] {
  const tools = [...new Set(task.solution.map((s) => s.tool))];
  const dir = episodeDir(messages);
  const direct = task.solution.map((s) => ({ name: functionFor(s.tool, offered), args: withDir(s.args, dir) }));
  if (offered.has("load_server"))
    return [...task.servers.map((name) => ({ name: "load_server", args: { name } })), ...direct];
  if (offered.has("run_program"))
    return [
      { name: "load_tools", args: { names: tools } },
      { name: "run_program", args: { code: program(task) } },
    ];
  if (offered.has("load_tools")) return [{ name: "load_tools", args: { names: tools } }, ...direct];
  return direct;
}

/** The function name a catalogue tool is offered under: the bare name when unique, else the qualified one mapped. */
function functionFor(qualified: string, offered: Set<string>): string {
  const mapped = qualified.replace(/\./g, "__");
  if (offered.has(mapped)) return mapped;
  const bare = qualified.slice(qualified.indexOf(".") + 1);
  return offered.has(bare) ? bare : mapped;
}

/** The episode's folder as the filesystem server's list_allowed_directories told it. */
function episodeDir(messages: Message[]): string | null {
  for (const m of messages) {
    if (m.role !== "tool" || typeof m.content !== "string") continue;
    const hit = /Allowed directories:\s*\n\s*(\/\S+)/.exec(m.content);
    if (hit) return hit[1];
  }
  return null;
}

function withDir(v: Record<string, unknown>, dir: string | null): Record<string, unknown> {
  if (!dir) return v;
  return JSON.parse(JSON.stringify(v).split(EPISODE_DIR).join(dir));
}

/** One program for every solution call, printing each result; the folder comes from the filesystem server. */
function program(task: OracleTask): string {
  const lines = [
    `const fn = (q) => tools[q] ?? tools[q.slice(q.indexOf(".") + 1)];`,
    `let dir = null;`,
    `const sub = (a) => dir ? JSON.parse(JSON.stringify(a).split(${JSON.stringify(EPISODE_DIR)}).join(dir)) : a;`,
  ];
  for (const s of task.solution) {
    lines.push(`{ const r = await fn(${JSON.stringify(s.tool)})(sub(${JSON.stringify(s.args)}));`);
    lines.push(`  const t = typeof r === "string" ? r : JSON.stringify(r);`);
    lines.push(`  const m = /Allowed directories:\\s*\\n\\s*(\\/\\S+)/.exec(t); if (m) dir = m[1];`);
    lines.push(`  console.log(${JSON.stringify(`${s.tool}:`)}, t); }`);
  }
  return lines.join("\n");
}

/** Misbehaviour a test can script: */
export const misbehave = {
  /** a call to a function that was never offered */
  unknownTool: (): Reply => toolCalls([{ id: "bad_0", name: "no_such_tool", arguments: {} }]),
  /** arguments that are not JSON */
  badJson: (fn: string): Reply => toolCalls([{ id: "bad_1", name: fn, arguments: "{not json" }]),
  /** one call with the given arguments (a huge output, a hanging tool, a crash) */
  call: (fn: string, args: Record<string, unknown>, id = "call_x"): Reply =>
    toolCalls([{ id, name: fn, arguments: args }]),
  /** never answers: calls the same tool on every request */
  forever: (fn: string, args: Record<string, unknown>) => (): Reply => toolCalls([{ name: fn, arguments: args }]),
};
