// One chat completion with tools from an OpenAI-compatible endpoint (vLLM, SGLang, Ollama,
// llama.cpp server, OpenAI). A timeout per attempt; 408, 429, 5xx, network errors and timeouts are
// tried again after a backoff, other 4xx fail at once with what to fix, because asking again
// cannot help. Replies are normalised: servers differ in how they write tool calls.
import { backoffMs, causeOf, retryAfterMs, sleep, snippet } from "@/lib/http/retry";
import type { ChatMessage } from "@/lib/trajectories/format";
import type { PolicyConfig } from "../../episode/types";

export type PolicyTool = {
  type: "function";
  function: { name: string; description: string; parameters: Record<string, unknown> };
};

export type AssistantMessage = Extract<ChatMessage, { role: "assistant" }>;

export type PolicyReply = {
  message: AssistantMessage;
  usage?: { promptTokens: number; completionTokens: number };
  finishReason: string | null;
  attempts: number;
};

export type PolicyRequestOptions = {
  signal?: AbortSignal;
  /** attempts after the first; default 3 */
  maxRetries?: number;
  /** first backoff in ms, doubling each retry; default 500 */
  backoffBaseMs?: number;
};

export class PolicyError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly cancelled = false,
  ) {
    super(message);
  }
}

class Retryable extends Error {
  constructor(
    message: string,
    readonly waitMs: number | null = null,
  ) {
    super(message);
  }
}

/** Asks the policy for its next assistant message; throws PolicyError when it cannot get one. */
export async function completePolicy(
  policy: PolicyConfig,
  messages: ChatMessage[],
  tools: PolicyTool[],
  o: PolicyRequestOptions = {},
): Promise<PolicyReply> {
  const url = `${policy.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const body = JSON.stringify({
    model: policy.model,
    messages,
    ...(tools.length ? { tools, tool_choice: "auto" } : {}),
    temperature: policy.temperature,
    max_tokens: policy.maxTokens,
  });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (policy.apiKey) headers.authorization = `Bearer ${policy.apiKey}`;
  const maxRetries = o.maxRetries ?? 3;
  let lastError = "";
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    if (o.signal?.aborted) throw new PolicyError("cancelled before the policy answered", attempt, true);
    let waitMs: number | null = null;
    try {
      const reply = await requestOnce(url, headers, body, policy.timeoutMs, o.signal);
      return { ...reply, attempts: attempt + 1 };
    } catch (e) {
      if (e instanceof PolicyError) throw new PolicyError(e.message, attempt + 1, e.cancelled);
      if (!(e instanceof Retryable)) throw new PolicyError((e as Error).message, attempt + 1);
      lastError = e.message;
      waitMs = e.waitMs;
    }
    if (attempt < maxRetries) await sleep(waitMs ?? backoffMs(attempt, o.backoffBaseMs ?? 500), o.signal);
  }
  const tries = maxRetries === 0 ? "1 attempt" : `${maxRetries + 1} attempts`;
  throw new PolicyError(`policy failed after ${tries}: ${lastError}`, maxRetries + 1);
}

async function requestOnce(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  cancel?: AbortSignal,
): Promise<Omit<PolicyReply, "attempts">> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = cancel ? AbortSignal.any([cancel, timeout]) : timeout;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { method: "POST", headers, body, signal });
    text = await res.text();
  } catch (e) {
    if (cancel?.aborted) throw new PolicyError("cancelled before the policy answered", 0, true);
    const err = e as Error;
    if (timeout.aborted || err.name === "TimeoutError" || err.name === "AbortError")
      throw new Retryable(`the policy did not answer within ${timeoutMs} ms`);
    throw new Retryable(`cannot reach the policy at ${url}: ${causeOf(err)}`);
  }
  if (!res.ok) {
    const detail = snippet(text);
    if (res.status === 429 || res.status === 408 || res.status >= 500)
      throw new Retryable(`policy answered ${res.status}: ${detail}`, retryAfterMs(res.headers.get("retry-after")));
    if (res.status === 401 || res.status === 403)
      throw new PolicyError(`policy answered ${res.status}: check its API key (${detail})`, 0);
    if (res.status === 404)
      throw new PolicyError(`policy answered 404: check its base URL (${url}) and model name (${detail})`, 0);
    throw new PolicyError(`policy answered ${res.status}: ${detail}`, 0);
  }
  return readCompletion(text);
}

type RawToolCall = { id?: string; type?: string; function?: { name?: string; arguments?: unknown } };
type RawCompletion = {
  choices?: {
    message?: { content?: unknown; tool_calls?: RawToolCall[]; reasoning_content?: unknown; reasoning?: unknown };
    finish_reason?: string | null;
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
};

/** The assistant message of a completion; a reply without one is retried (a proxy's error page, a cut body). */
export function readCompletion(text: string): Omit<PolicyReply, "attempts"> {
  let json: RawCompletion;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Retryable(`the policy's reply is not JSON: ${snippet(text)}`);
  }
  const choice = json.choices?.[0];
  const m = choice?.message;
  if (!m || typeof m !== "object")
    throw new Retryable(`the policy's reply has no choices[0].message: ${snippet(text)}`);
  const content = typeof m.content === "string" ? m.content : null;
  const calls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
  const message: AssistantMessage = { role: "assistant", content };
  if (calls.length)
    message.tool_calls = calls.map((c, i) => ({
      // Ollama and some llama.cpp builds leave ids out; the tool messages still need one to answer
      id: typeof c.id === "string" && c.id ? c.id : `call_${i}`,
      type: "function" as const,
      function: {
        name: typeof c.function?.name === "string" && c.function.name ? c.function.name : "(no name)",
        // some servers send arguments as an object rather than JSON text
        arguments:
          typeof c.function?.arguments === "string"
            ? c.function.arguments
            : JSON.stringify(c.function?.arguments ?? {}),
      },
    }));
  const reasoning = typeof m.reasoning_content === "string" ? m.reasoning_content : m.reasoning;
  if (typeof reasoning === "string" && reasoning) message.reasoning_content = reasoning;
  const u = json.usage;
  return {
    message,
    usage: u ? { promptTokens: u.prompt_tokens ?? 0, completionTokens: u.completion_tokens ?? 0 } : undefined,
    finishReason: choice?.finish_reason ?? null,
  };
}
