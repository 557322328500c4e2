// Chat messages as other tools write them, turned into canonical steps. Well-known variations
// are read (arguments as objects, Inspect's `function` name and tool errors, legacy
// `function_call`, tool results without a call id); anything else is passed on unchanged so that
// validation names what is wrong.
import { isObject, toText } from "./values";

export type LooseStep = { message: unknown; error?: string };

type Part = Record<string, unknown>;

/** Content parts: text kept, reasoning lifted out, images and other media left as a marker. */
function readContent(content: unknown): { content: unknown; reasoning?: string } {
  if (!Array.isArray(content)) {
    if (isObject(content)) return { content: JSON.stringify(content) };
    return { content };
  }
  const reasoning: string[] = [];
  const parts: Part[] = [];
  for (const p of content) {
    if (typeof p === "string") parts.push({ type: "text", text: p });
    else if (!isObject(p)) parts.push({ type: "text", text: String(p) });
    else if (p.type === "reasoning" && typeof p.reasoning === "string") reasoning.push(p.reasoning);
    else if (typeof p.text === "string")
      parts.push({ type: typeof p.type === "string" ? p.type : "text", text: p.text });
    else parts.push({ type: String(p.type ?? "part"), text: `[${String(p.type ?? "part")}]` });
  }
  return { content: parts, ...(reasoning.length ? { reasoning: reasoning.join("\n") } : {}) };
}

function readToolCall(c: unknown, fallbackId: string): unknown {
  if (!isObject(c)) return c;
  // Inspect: {id, function: "name", arguments: {...}}; OpenAI: {id, type, function: {name, arguments}}
  const fn = isObject(c.function) ? c.function : typeof c.function === "string" ? { name: c.function } : undefined;
  const args = fn && "arguments" in fn ? fn.arguments : c.arguments;
  return {
    id: typeof c.id === "string" && c.id ? c.id : fallbackId,
    type: "function",
    function: {
      ...(fn ?? {}),
      name: fn?.name ?? c.name,
      arguments: typeof args === "string" ? args : JSON.stringify(args ?? {}),
    },
  };
}

export function messagesToSteps(messages: unknown[]): LooseStep[] {
  const pending: { id: string; name: unknown }[] = [];
  return messages.map((m, i) => {
    if (!isObject(m)) return { message: m };
    const { content, reasoning } = readContent(m.content);
    if (m.role === "assistant") {
      const calls = Array.isArray(m.tool_calls)
        ? m.tool_calls.map((c, j) => readToolCall(c, `call_${i}_${j}`))
        : isObject(m.function_call)
          ? [readToolCall({ function: m.function_call }, `call_${i}_0`)]
          : undefined;
      for (const c of calls ?? [])
        if (isObject(c) && isObject(c.function)) pending.push({ id: String(c.id), name: c.function.name });
      const ownReasoning = typeof m.reasoning_content === "string" ? m.reasoning_content : reasoning;
      return {
        message: {
          role: "assistant",
          content: content ?? null,
          ...(calls?.length ? { tool_calls: calls } : {}),
          ...(ownReasoning ? { reasoning_content: ownReasoning } : {}),
        },
      };
    }
    if (m.role === "tool" || m.role === "function") {
      const callId = typeof m.tool_call_id === "string" && m.tool_call_id ? m.tool_call_id : undefined;
      const at = callId ? pending.findIndex((p) => p.id === callId) : 0;
      const call = at >= 0 ? pending.splice(at, 1)[0] : undefined;
      const name = m.name ?? m.function ?? call?.name;
      const error = isObject(m.error)
        ? [m.error.type, m.error.message].filter(Boolean).join(": ")
        : typeof m.error === "string"
          ? m.error
          : undefined;
      return {
        message: {
          role: "tool",
          tool_call_id: callId ?? call?.id,
          ...(typeof name === "string" ? { name } : {}),
          content: content ?? "",
        },
        ...(error ? { error } : {}),
      };
    }
    if (m.role === "system" || m.role === "user" || m.role === "developer")
      return { message: { role: m.role === "developer" ? "system" : m.role, content: content ?? "" } };
    return { message: m };
  });
}

/** Plain text of any message content (for answers and prompts). */
export function plainText(content: unknown): string {
  if (Array.isArray(content))
    return content.map((p) => (isObject(p) && typeof p.text === "string" ? p.text : "")).join("\n");
  return toText(content) ?? "";
}
