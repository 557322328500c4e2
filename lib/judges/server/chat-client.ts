// One chat completion from an OpenAI-compatible endpoint, with a timeout per attempt and retries:
// 408, 429, 5xx, network errors, timeouts, and answers the caller cannot read (malformed JSON, a
// score off the scale) are tried again after an exponential backoff with jitter; other 4xx (a wrong
// key, an unknown model) fail at once because asking again cannot help.
import { backoffMs, causeOf, retryAfterMs, sleep, snippet } from "@/lib/http/retry";
import { AnswerError } from "../answer";
import type { Limiter } from "./limiter";

export type ChatMessage = { role: "system" | "user"; content: string };

export type ChatOptions = {
  baseUrl: string;
  model: string;
  apiKey?: string | null;
  temperature: number;
  timeoutMs: number;
  maxRetries: number;
  responseFormat?: unknown;
  limiter: Limiter;
  /** first backoff in ms; doubles each retry, capped at 8 s, with jitter in [0.5, 1] of it */
  backoffBaseMs?: number;
  signal?: AbortSignal;
};

export type ChatOutcome<T> = {
  value: T | null;
  error: string | null;
  attempts: number;
  promptTokens: number;
  completionTokens: number;
};

class Retryable extends Error {}
class Fatal extends Error {}

export async function completeChat<T>(
  o: ChatOptions,
  messages: ChatMessage[],
  read: (text: string) => T,
): Promise<ChatOutcome<T>> {
  const url = `${o.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const body = JSON.stringify({
    model: o.model,
    messages,
    temperature: o.temperature,
    ...(o.responseFormat ? { response_format: o.responseFormat } : {}),
  });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (o.apiKey) headers.authorization = `Bearer ${o.apiKey}`;
  const out: ChatOutcome<T> = { value: null, error: null, attempts: 0, promptTokens: 0, completionTokens: 0 };
  let lastError = "";
  for (let attempt = 0; attempt <= o.maxRetries; attempt++) {
    if (o.signal?.aborted) return { ...out, error: "cancelled before the judge answered" };
    out.attempts++;
    let waitMs: number | null = null;
    try {
      out.value = await o.limiter.run(async () => {
        const signal = o.signal
          ? AbortSignal.any([o.signal, AbortSignal.timeout(o.timeoutMs)])
          : AbortSignal.timeout(o.timeoutMs);
        let res: Response;
        let text: string;
        try {
          res = await fetch(url, { method: "POST", headers, body, signal });
          text = await res.text();
        } catch (e) {
          if (o.signal?.aborted) throw new Fatal("cancelled before the judge answered");
          const err = e as Error;
          if (err.name === "TimeoutError" || err.name === "AbortError")
            throw new Retryable(`no answer within ${o.timeoutMs} ms`);
          throw new Retryable(`cannot reach ${url}: ${causeOf(err)}`);
        }
        if (!res.ok) {
          const msg = `${url} answered ${res.status}: ${snippet(text)}`;
          if (res.status === 429 || res.status === 408 || res.status >= 500) {
            waitMs = retryAfterMs(res.headers.get("retry-after"));
            throw new Retryable(msg);
          }
          throw new Fatal(msg);
        }
        const completion = parseCompletion(text);
        out.promptTokens += completion.promptTokens;
        out.completionTokens += completion.completionTokens;
        try {
          return read(completion.content);
        } catch (e) {
          if (e instanceof AnswerError) throw new Retryable(`unreadable answer: ${e.message}`);
          throw e;
        }
      });
      return out;
    } catch (e) {
      if (e instanceof Fatal) return { ...out, error: e.message };
      if (!(e instanceof Retryable)) return { ...out, error: (e as Error).message };
      lastError = e.message;
    }
    if (attempt < o.maxRetries) await sleep(waitMs ?? backoffMs(attempt, o.backoffBaseMs ?? 250), o.signal);
  }
  const tries = out.attempts === 1 ? "1 attempt" : `${out.attempts} attempts`;
  return { ...out, error: `judge failed after ${tries}: ${lastError}` };
}

function parseCompletion(text: string) {
  let json: {
    choices?: { message?: { content?: string | null } }[];
    usage?: { prompt_tokens?: number; completion_tokens?: number };
  };
  try {
    json = JSON.parse(text);
  } catch {
    throw new Retryable(`the endpoint's reply is not JSON: ${snippet(text)}`);
  }
  const content = json.choices?.[0]?.message?.content;
  if (typeof content !== "string") throw new Retryable("the endpoint's reply has no choices[0].message.content");
  return {
    content,
    promptTokens: json.usage?.prompt_tokens ?? 0,
    completionTokens: json.usage?.completion_tokens ?? 0,
  };
}
