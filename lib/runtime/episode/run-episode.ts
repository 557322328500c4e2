// The agent loop: one episode of a policy on a task in a toolspace under a loading strategy.
// Every step goes to the sink before the next model request, with its context accounting and
// the tools it loaded or unloaded. docs/agent-runtime.md states the limits, what happens at each,
// the truncation rule, function names and how server faults reach the model.
import { type ChatMessage, contentText, type TrajectoryStep } from "@/lib/trajectories/format";
import { getTokenizer } from "@/lib/trajectories/server/tokenizers";
import { completePolicy, PolicyError, type PolicyTool } from "../policy/server/chat-policy";
import { createEmbeddingSearch } from "../retrieval/server/embedding-search";
import { META_TOOLS, STRATEGY_META_TOOLS, type ToolDefinition } from "../strategies/meta-tools";
import { TRAJECTORY_STRATEGY } from "../strategies/prompts";
import { createToolState } from "../strategies/tool-state";
import { catalogueOf } from "./catalogue-cache";
import { createContextMeter } from "./context-meter";
import { buildFunctionNames } from "./function-names";
import { createToolHost } from "./tool-host";
import { cutToolResult, overLimit } from "./truncate";
import type { EpisodeEnd, EpisodeHeader, EpisodeResult, EpisodeSink, EpisodeSpec } from "./types";

export type RunEpisodeOptions = {
  signal?: AbortSignal;
  /** policy request retries (408, 429, 5xx, network); default 3 */
  policyRetries?: number;
  policyBackoffMs?: number;
};

type Call = NonNullable<Extract<ChatMessage, { role: "assistant" }>["tool_calls"]>[number];
type ProgramCall = { name: string; arguments: string; ok: boolean; error?: string };
type ToolAnswer = {
  content: string;
  error?: string;
  loaded: string[];
  unloaded: string[];
  programCalls?: ProgramCall[];
};
type Stop = { stopReason: string; outcome: EpisodeEnd["outcome"]; error?: string };

const ERROR_CHARS = 500;

export async function runEpisode(
  spec: EpisodeSpec,
  sink: EpisodeSink,
  opts: RunEpisodeOptions = {},
): Promise<EpisodeResult> {
  const t0 = performance.now();
  const { limits, policy, signal } = { ...spec, signal: opts.signal };
  const tok = getTokenizer(policy.tokenizer);
  const catalogue = catalogueOf(spec.servers);
  const searches = STRATEGY_META_TOOLS[spec.strategy].includes("search_tools");
  // an embedding model that cannot load is a setup error, like a bad prompt template: thrown before the episode starts
  const search =
    spec.retrieval?.kind === "embedding" && searches
      ? await createEmbeddingSearch(spec.retrieval, catalogue.tools)
      : undefined;
  const host = createToolHost(spec.servers, spec.episodeDir);
  // the calls the running program makes; run_program calls run one at a time in an episode
  let programCalls: ProgramCall[] = [];
  const state = createToolState({
    search,
    strategy: spec.strategy,
    catalogue,
    initialTools: spec.initialTools,
    prompt: spec.promptTemplate,
    // run_program's tools: a failing tool rejects inside the program; JSON results arrive parsed
    callTool: async (name, args, tool) => {
      const calls = programCalls;
      const r = await host.call(tool.server, tool.toolName, args, { timeoutMs: limits.toolTimeoutMs, signal });
      calls.push({
        name,
        arguments: JSON.stringify(args ?? {}),
        ok: r.ok,
        ...(r.ok ? {} : { error: r.text.slice(0, ERROR_CHARS) }),
      });
      if (!r.ok) throw new Error(r.text);
      try {
        return JSON.parse(r.text);
      } catch {
        return r.text;
      }
    },
  });
  const metas: ToolDefinition[] = STRATEGY_META_TOOLS[spec.strategy].map((m) => META_TOOLS[m]);
  const definitions: ToolDefinition[] = [
    ...metas,
    ...catalogue.tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
  ];
  const names = buildFunctionNames(definitions.map((d) => d.name));
  const initialTools = state.tools().map((t) => t.name);
  const meter = createContextMeter(tok, definitions, initialTools);

  const header: EpisodeHeader = {
    clientId: spec.clientId,
    task: spec.task,
    policy: { name: policy.name, model: policy.model },
    runId: spec.runId,
    loadingStrategy: TRAJECTORY_STRATEGY[spec.strategy],
    contextLimit: policy.contextWindow,
    tokenizer: tok.name,
    tools: definitions,
    initialTools,
    metadata: spec.metadata ?? {},
  };

  const wire: ChatMessage[] = [];
  let index = 0;
  const emit = async (step: Omit<TrajectoryStep, "toolsLoaded" | "toolsUnloaded"> & Partial<TrajectoryStep>) => {
    const full: TrajectoryStep = { toolsLoaded: [], toolsUnloaded: [], ...step, context: meter.now() };
    full.tokens = meter.add(full);
    await sink.step(full, index++);
  };
  const now = () => new Date().toISOString();

  let turns = 0;
  let toolCalls = 0;
  let finalAnswer: string | undefined;
  const renamed: Record<string, string> = {};
  let stop: Stop | null = null;

  function loadedServers(): string[] {
    const out = new Set<string>();
    for (const n of state.loadedNames()) {
      const r = state.resolveCall(n);
      if ("tool" in r) out.add(r.tool.server);
    }
    return [...out];
  }

  async function runCall(call: Call): Promise<ToolAnswer> {
    const fail = (content: string): ToolAnswer => ({ content, error: content, loaded: [], unloaded: [] });
    const name = names.toCatalogue(call.function.name);
    if (!name) return fail(`no tool is named ${call.function.name}; call one of the tools offered`);
    if (state.isMeta(name)) {
      // a server's start-up must not count against the program's time limit
      const program = name === "run_program";
      if (program) await host.warm(loadedServers());
      programCalls = [];
      const r = await state.handleMetaCall(name, call.function.arguments);
      return {
        content: r.result,
        error: r.isError ? r.result : undefined,
        loaded: r.loaded,
        unloaded: r.unloaded,
        ...(program ? { programCalls } : {}),
      };
    }
    const resolved = state.resolveCall(name);
    if ("error" in resolved) return fail(resolved.error);
    let args: unknown;
    try {
      args = JSON.parse(call.function.arguments || "{}");
    } catch (e) {
      return fail(`${name}: arguments are not valid JSON (${(e as Error).message}); send a JSON object`);
    }
    if (!args || typeof args !== "object" || Array.isArray(args))
      return fail(`${name}: arguments must be a JSON object`);
    const { tool } = resolved;
    const r = await host.call(tool.server, tool.toolName, args as Record<string, unknown>, {
      timeoutMs: limits.toolTimeoutMs,
      signal,
    });
    return r.ok ? { content: r.text, loaded: [], unloaded: [] } : fail(r.text);
  }

  try {
    await sink.start(header);
    const system = state.systemPrompt();
    for (const message of [
      { role: "system", content: system },
      { role: "user", content: spec.task.prompt },
    ] as ChatMessage[]) {
      wire.push(message);
      await emit({ message, startedAt: now() });
    }

    while (!stop) {
      if (signal?.aborted) stop = cancelled();
      else if (turns >= limits.maxTurns)
        stop = { stopReason: "max-turns", outcome: "fail", error: `no answer within ${limits.maxTurns} turns` };
      else if (meter.total() > limits.contextBudget)
        stop = {
          stopReason: "context-budget",
          outcome: "fail",
          error: `the context holds ${meter.total()} tokens, over the budget of ${limits.contextBudget}`,
        };
      if (stop) break;

      turns++;
      const startedAt = now();
      const t = performance.now();
      const tools: PolicyTool[] = state.tools().map((d) => ({
        type: "function",
        function: { name: names.toFunction(d.name), description: d.description, parameters: d.inputSchema },
      }));
      let reply: Awaited<ReturnType<typeof completePolicy>>;
      try {
        reply = await completePolicy(policy, wire, tools, {
          signal,
          maxRetries: opts.policyRetries,
          backoffBaseMs: opts.policyBackoffMs,
        });
      } catch (e) {
        if (e instanceof PolicyError && e.cancelled) stop = cancelled();
        else stop = { stopReason: "policy-error", outcome: "error", error: (e as Error).message };
        break;
      }
      const calls = reply.message.tool_calls ?? [];
      wire.push(reply.message);
      const stored = { ...reply.message };
      if (calls.length)
        stored.tool_calls = calls.map((c) => {
          const cat = names.toCatalogue(c.function.name);
          if (cat && cat !== c.function.name) renamed[cat] = c.function.name;
          return { ...c, function: { ...c.function, name: cat ?? c.function.name } };
        });
      await emit({ message: stored, usage: reply.usage, latencyMs: performance.now() - t, startedAt });
      if (!calls.length) {
        finalAnswer = contentText(reply.message.content);
        stop = { stopReason: "answered", outcome: "pass" };
        break;
      }

      let overCalls = false;
      for (const call of calls) {
        if (signal?.aborted) break;
        const callStarted = now();
        const tc = performance.now();
        let answer: ToolAnswer;
        if (toolCalls >= limits.maxToolCalls) {
          overCalls = true;
          const msg = `not run: the episode's limit of ${limits.maxToolCalls} tool calls is reached`;
          answer = { content: msg, error: msg, loaded: [], unloaded: [] };
        } else {
          toolCalls++;
          answer = await runCall(call);
        }
        let content = answer.content;
        if (overLimit(content, limits.maxToolResultTokens, tok)) {
          const ref = await sink.storeFull(content, index);
          content = cutToolResult(content, limits.maxToolResultTokens, tok, ref).text;
        }
        const catName = names.toCatalogue(call.function.name) ?? call.function.name;
        wire.push({ role: "tool", tool_call_id: call.id, name: call.function.name, content });
        await emit({
          message: {
            role: "tool",
            tool_call_id: call.id,
            name: catName,
            content,
            // the tools a program called are tool calls too (checks and counts see them), not model turns
            ...(answer.programCalls ? { program_calls: answer.programCalls } : {}),
          },
          toolsLoaded: answer.loaded,
          toolsUnloaded: answer.unloaded,
          latencyMs: performance.now() - tc,
          startedAt: callStarted,
          ...(answer.error ? { error: answer.error.slice(0, ERROR_CHARS) } : {}),
        });
      }
      if (signal?.aborted) stop = cancelled();
      else if (overCalls)
        stop = {
          stopReason: "max-tool-calls",
          outcome: "fail",
          error: `the model asked for more than ${limits.maxToolCalls} tool calls`,
        };
    }
  } finally {
    await host.close();
  }

  const end: EpisodeEnd = {
    outcome: stop.outcome,
    finalAnswer,
    stopReason: stop.stopReason,
    ...(stop.error ? { error: stop.error } : {}),
    metadata: {
      stopReason: stop.stopReason,
      // the trajectory format has no field for why an episode ended early; its metadata keeps it
      ...(stop.error ? { error: stop.error } : {}),
      turns,
      toolCalls,
      ...(Object.keys(renamed).length ? { functionNames: renamed } : {}),
    },
  };
  await sink.end(end);
  return { ...end, steps: index, toolCalls, durationMs: Math.round(performance.now() - t0) };
}

function cancelled(): Stop {
  return { stopReason: "cancelled", outcome: "error", error: "the episode was cancelled" };
}
