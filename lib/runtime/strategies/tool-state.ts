// The loaded-tool state of one episode under a loading strategy, independent of any model: which
// tool definitions are in the context now, the system prompt, and the meta-tool handlers that
// change the loaded set (or, for run_program, call loaded tools from a sandbox).
import { buildToolIndex, searchTools, type ToolHit, type ToolIndex } from "../retrieval/tool-index";
import { DEFAULT_LIMITS, runProgram, type SandboxLimits } from "../sandbox/run-program";
import type { CatalogueTool, StrategyCatalogue } from "./catalogue";
import {
  DEFAULT_K,
  MAX_K,
  MAX_NAMES,
  META_TOOLS,
  type MetaToolName,
  STRATEGY_META_TOOLS,
  type ToolDefinition,
} from "./meta-tools";
import { DEFAULT_PROMPTS, renderPrompt, type Strategy } from "./prompts";

export type CallTool = (name: string, args: Record<string, unknown>, tool: CatalogueTool) => Promise<unknown>;

export type ToolStateOptions = {
  strategy: Strategy;
  catalogue: StrategyCatalogue;
  /** tools in the context from the start (shown or qualified names); eager loads every tool anyway */
  initialTools?: readonly string[];
  /** the prompt template; DEFAULT_PROMPTS[strategy] when left out */
  prompt?: string;
  /** search_tools' default k */
  k?: number;
  /** search_tools' ranking; BM25 over the catalogue when left out (see retrieval/server/embedding-search.ts) */
  search?: (query: string, k: number) => Promise<ToolHit[]> | ToolHit[];
  /** how run_program reaches a loaded tool */
  callTool?: CallTool;
  sandboxLimits?: Partial<SandboxLimits>;
};

export type MetaCallResult = { result: string; isError: boolean; loaded: string[]; unloaded: string[] };

export type ToolState = {
  strategy: Strategy;
  /** the definitions in the context now: this strategy's meta-tools, then loaded tools in load order */
  tools(): ToolDefinition[];
  loadedNames(): string[];
  systemPrompt(): string;
  isMeta(name: string): boolean;
  handleMetaCall(name: string, args: unknown): Promise<MetaCallResult>;
  /** the catalogue tool behind a call the model made, or why it cannot be called now */
  resolveCall(name: string): { tool: CatalogueTool } | { error: string };
};

const indexes = new WeakMap<StrategyCatalogue, ToolIndex>();
function indexFor(catalogue: StrategyCatalogue) {
  let index = indexes.get(catalogue);
  if (!index) {
    index = buildToolIndex(catalogue.tools);
    indexes.set(catalogue, index);
  }
  return index;
}

type Resolved = { tool: CatalogueTool } | { error: string };

export function createToolState(options: ToolStateOptions): ToolState {
  const { strategy, catalogue } = options;
  const k = options.k ?? DEFAULT_K;
  const byName = new Map<string, CatalogueTool>();
  const byBare = new Map<string, CatalogueTool[]>();
  for (const t of catalogue.tools) {
    byName.set(t.name, t);
    byName.set(t.qualifiedName, t);
    byBare.set(t.toolName, [...(byBare.get(t.toolName) ?? []), t]);
  }
  const metas = STRATEGY_META_TOOLS[strategy];
  const loaded = new Map<string, CatalogueTool>();

  function resolve(name: string): Resolved {
    const t = byName.get(name);
    if (t) return { tool: t };
    const holders = byBare.get(name);
    if (holders && holders.length > 1)
      return { error: `${name} is on several servers; use one of ${holders.map((h) => h.name).join(", ")}` };
    return { error: `no tool is named ${name}` };
  }

  if (strategy === "eager") for (const t of catalogue.tools) loaded.set(t.name, t);
  for (const name of options.initialTools ?? []) {
    const r = resolve(name);
    if ("error" in r) throw new Error(`initialTools: ${r.error}`);
    loaded.set(r.tool.name, r.tool);
  }

  const prompt = renderPrompt(strategy, options.prompt ?? DEFAULT_PROMPTS[strategy], {
    servers: catalogue.servers.map((s) => `- ${s.name}: ${s.description}`).join("\n"),
    server_count: catalogue.servers.length,
    tool_count: catalogue.tools.length,
    k,
    max_k: MAX_K,
    time_ms: options.sandboxLimits?.timeMs ?? DEFAULT_LIMITS.timeMs,
    max_tool_calls: options.sandboxLimits?.maxToolCalls ?? DEFAULT_LIMITS.maxToolCalls,
  });

  const ok = (result: string, loadedNow: string[] = [], unloaded: string[] = []): MetaCallResult => ({
    result,
    isError: false,
    loaded: loadedNow,
    unloaded,
  });
  const fail = (result: string): MetaCallResult => ({ result, isError: true, loaded: [], unloaded: [] });

  const handlers: Record<MetaToolName, (args: Record<string, unknown>) => Promise<MetaCallResult> | MetaCallResult> = {
    load_server(args) {
      const name = args.name;
      if (typeof name !== "string" || !name.trim()) return fail("load_server needs name: a server name from the list");
      const server = catalogue.servers.find((s) => s.name === name.trim());
      if (!server) {
        const q = name.trim().toLowerCase();
        const near = catalogue.servers
          .filter((s) => s.name.toLowerCase().includes(q) || q.includes(s.name.toLowerCase()))
          .map((s) => s.name);
        return fail(
          `no server is named ${name}${near.length ? `; did you mean ${near.slice(0, 5).join(", ")}?` : "; use a name from the server list"}`,
        );
      }
      const added: string[] = [];
      for (const t of catalogue.tools)
        if (t.server === server.name && !loaded.has(t.name)) {
          loaded.set(t.name, t);
          added.push(t.name);
        }
      if (!added.length) return ok(`server ${server.name} is already loaded`);
      return ok(`loaded ${added.length} tools of ${server.name}: ${added.join(", ")}`, added);
    },

    async search_tools(args) {
      const query = args.query;
      if (typeof query !== "string" || !query.trim())
        return fail("search_tools needs query: words describing the tool");
      const n = args.k ?? k;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > MAX_K)
        return fail(`k must be a whole number from 1 to ${MAX_K}`);
      const hits = options.search ? await options.search(query, n) : searchTools(indexFor(catalogue), query, n);
      if (!hits.length) return ok(`no tools match "${query}"; try other words`);
      const lines = hits.map((h) => `${h.name} (${h.server})${loaded.has(h.name) ? " [loaded]" : ""}: ${h.summary}`);
      return ok(lines.join("\n"));
    },

    load_tools(args) {
      const names = nameList(args.names, "load_tools");
      if (typeof names === "string") return fail(names);
      const resolved = names.map(resolve);
      const errors = resolved.flatMap((r) => ("error" in r ? [r.error] : []));
      if (errors.length) return fail(`nothing loaded: ${errors.join("; ")}`);
      const added: string[] = [];
      const already: string[] = [];
      for (const r of resolved as { tool: CatalogueTool }[]) {
        if (loaded.has(r.tool.name)) already.push(r.tool.name);
        else {
          loaded.set(r.tool.name, r.tool);
          added.push(r.tool.name);
        }
      }
      const parts = [];
      if (added.length) parts.push(`loaded ${added.join(", ")}`);
      if (already.length) parts.push(`already loaded ${[...new Set(already)].join(", ")}`);
      return ok(parts.join("; "), [...new Set(added)]);
    },

    unload_tools(args) {
      const names = nameList(args.names, "unload_tools");
      if (typeof names === "string") return fail(names);
      const resolved = names.map(resolve);
      const errors = resolved.flatMap((r) => ("error" in r ? [r.error] : []));
      if (errors.length) return fail(`nothing unloaded: ${errors.join("; ")}`);
      const removed: string[] = [];
      const absent: string[] = [];
      for (const r of resolved as { tool: CatalogueTool }[]) {
        if (loaded.delete(r.tool.name)) removed.push(r.tool.name);
        else absent.push(r.tool.name);
      }
      const parts = [];
      if (removed.length) parts.push(`unloaded ${removed.join(", ")}`);
      if (absent.length) parts.push(`not loaded ${[...new Set(absent)].join(", ")}`);
      return ok(parts.join("; "), [], removed);
    },

    async run_program(args) {
      const code = args.code;
      if (typeof code !== "string" || !code.trim()) return fail("run_program needs code: the JavaScript to run");
      const host = options.callTool;
      if (!host) return fail("run_program cannot call tools in this episode: no tool host is connected");
      const fns: Record<string, (a: Record<string, unknown>) => Promise<unknown>> = {};
      for (const t of loaded.values()) fns[t.name] = (a) => host(t.name, a, t);
      const r = await runProgram({ code, tools: fns, limits: options.sandboxLimits });
      const calls = `${r.toolCalls.length} tool call${r.toolCalls.length === 1 ? "" : "s"}`;
      const output = r.output ? `\noutput:\n${r.output}` : "";
      if (!r.ok) return fail(`program failed${r.line ? ` at line ${r.line}` : ""} (${calls}): ${r.error}${output}`);
      const value = r.value === undefined ? "" : `\nreturned: ${JSON.stringify(r.value)}`;
      return ok(`program finished (${calls})${value}${output}`);
    },
  };

  return {
    strategy,
    tools: () => [...metas.map((m) => META_TOOLS[m]), ...[...loaded.values()].map(definition)],
    loadedNames: () => [...loaded.keys()],
    systemPrompt: () => prompt,
    isMeta: (name) => (metas as readonly string[]).includes(name),
    async handleMetaCall(name, raw) {
      if (!(metas as readonly string[]).includes(name))
        return fail(`${name} is not a meta-tool of the ${strategy} strategy (${metas.join(", ") || "none"})`);
      const args = parseArgs(raw);
      if (typeof args === "string") return fail(`${name}: ${args}`);
      return handlers[name as MetaToolName](args);
    },
    resolveCall(name) {
      const r = resolve(name);
      if ("error" in r) return r;
      if (loaded.get(r.tool.name) !== r.tool)
        return {
          error: `${r.tool.name} is not loaded; ${
            strategy === "isl" ? `load its server with load_server("${r.tool.server}")` : "load it with load_tools"
          }`,
        };
      return r;
    },
  };
}

function definition(t: CatalogueTool): ToolDefinition {
  return { name: t.name, description: t.description, inputSchema: t.inputSchema };
}

/** Models send arguments as a JSON string or an object. */
function parseArgs(raw: unknown): Record<string, unknown> | string {
  let v = raw ?? {};
  if (typeof v === "string") {
    try {
      v = JSON.parse(v || "{}");
    } catch {
      return "arguments are not valid JSON";
    }
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) return "arguments must be a JSON object";
  return v as Record<string, unknown>;
}

function nameList(v: unknown, tool: string): string[] | string {
  if (typeof v === "string") v = [v];
  if (!Array.isArray(v) || !v.length || !v.every((x) => typeof x === "string" && x.trim()))
    return `${tool} needs names: a list of tool names, e.g. ["get_weather"]`;
  if (v.length > MAX_NAMES) return `${tool} takes at most ${MAX_NAMES} names per call`;
  return v.map((x: string) => x.trim());
}
