// Derives what the canonical record leaves implicit: per-step context tokens (system prompt,
// loaded tool schemas, conversation history, tool outputs), token counts per message, the
// loaded-tool set over time and the numbers the list filters on.
import { createHash } from "node:crypto";
import { type ContextTokens, messageText, type TrajectoryRecord } from "../format";
import { type Tokenizer, tokenizerForModel } from "./tokenizers";

export type AccountedStep = TrajectoryRecord["steps"][number] & {
  context: ContextTokens;
  tokens: number;
  bytes: number;
};

export type Accounted = {
  steps: AccountedStep[];
  tokenizer: string;
  toolsUsed: string[];
  toolCallCount: number;
  toolErrorCount: number;
  peakContextTokens: number;
  durationMs: number | null;
  summary: string;
  searchText: string;
  contentHash: string;
};

// Full-text search covers each message's first 20,000 characters and 400,000 characters per
// trajectory: PostgreSQL caps a tsvector at 1 MB, and a 5 MB tool output is not prose.
const SEARCH_PER_MESSAGE = 20_000;
const SEARCH_PER_TRAJECTORY = 400_000;

export function contextTotal(c: ContextTokens) {
  return c.system + c.toolSchemas + c.history + c.toolOutputs;
}

/**
 * A tool definition as it is counted in the context. The toolspace catalogue counts its tools
 * with the same text, so a tool costs the same on the toolspaces screen and in a trajectory.
 */
export function toolSchemaText(t: { name: string; description?: string; inputSchema?: unknown }) {
  return JSON.stringify({ name: t.name, description: t.description, parameters: t.inputSchema ?? {} });
}

export function accountTrajectory(r: TrajectoryRecord, tokenizerOverride?: Tokenizer): Accounted {
  // Counts that came with the file are kept, and say whose tokenizer made them.
  const provided = r.steps.every((s) => s.context) && r.tokenizer;
  const tok = tokenizerOverride ?? tokenizerForModel(r.policy?.model);
  const schemaCost = new Map<string, number>();
  const definitions = new Map(r.tools.map((t) => [t.name, t]));
  const costOf = (name: string) => {
    let c = schemaCost.get(name);
    if (c === undefined) {
      const def = definitions.get(name);
      c = def ? tok.count(toolSchemaText(def)) : 0;
      schemaCost.set(name, c);
    }
    return c;
  };

  const loaded = new Set(r.initialTools);
  const running: ContextTokens = { system: 0, toolSchemas: 0, history: 0, toolOutputs: 0 };
  for (const name of loaded) running.toolSchemas += costOf(name);
  const used = new Set<string>();
  let toolCallCount = 0;
  let toolErrorCount = 0;
  let peak = 0;
  let searchText = "";
  let duration = 0;
  let hasLatency = false;

  const steps = r.steps.map((s) => {
    const text = messageText(s.message);
    const tokens = s.tokens ?? tok.count(text);
    const context = s.context ?? { ...running };
    peak = Math.max(peak, contextTotal(context));
    // the loaded set changes with this step, so its effect shows from the next step on
    for (const name of s.toolsLoaded)
      if (!loaded.has(name)) {
        loaded.add(name);
        running.toolSchemas += costOf(name);
      }
    for (const name of s.toolsUnloaded) if (loaded.delete(name)) running.toolSchemas -= costOf(name);
    const m = s.message;
    if (m.role === "system") running.system += tokens;
    else if (m.role === "tool") running.toolOutputs += tokens;
    else running.history += tokens;
    if (m.role === "assistant")
      for (const c of m.tool_calls ?? []) {
        used.add(c.function.name);
        toolCallCount++;
      }
    if (m.role === "tool")
      for (const c of m.program_calls ?? []) {
        used.add(c.name);
        toolCallCount++;
      }
    if (s.error) toolErrorCount++;
    if (s.latencyMs !== undefined) {
      duration += s.latencyMs;
      hasLatency = true;
    }
    if (searchText.length < SEARCH_PER_TRAJECTORY)
      searchText += `${text.slice(0, SEARCH_PER_MESSAGE)}\n`.slice(0, SEARCH_PER_TRAJECTORY - searchText.length);
    return { ...s, context, tokens, bytes: Buffer.byteLength(JSON.stringify(m)) };
  });
  peak = Math.max(peak, contextTotal(running));

  const firstUser = r.steps.find((s) => s.message.role === "user");
  const summary = (r.task?.prompt ?? (firstUser ? messageText(firstUser.message) : "")).slice(0, 300);
  return {
    steps,
    tokenizer: provided ? (r.tokenizer as string) : tok.name,
    toolsUsed: [...used].sort(),
    toolCallCount,
    toolErrorCount,
    peakContextTokens: peak,
    durationMs: hasLatency ? Math.round(duration) : null,
    summary,
    searchText: `${r.finalAnswer ?? ""}\n${searchText}`,
    contentHash: hashTrajectory(r),
  };
}

/** The same episode hashes the same, whatever the key order in the file. */
export function hashTrajectory(r: TrajectoryRecord) {
  return createHash("sha256")
    .update(stableJson({ ...r, id: undefined }))
    .digest("hex");
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}
