// An OpenAI-compatible chat server for tests, benches and browser journeys: POST /v1/chat/completions
// and GET /v1/models over real HTTP. Each test scripts its answers (a fixed answer, malformed JSON,
// a delay, a hang, a 500, a dropped connection) and reads back every request it received.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ChatRequestBody = {
  model?: string;
  messages?: {
    role: string;
    content: string | null;
    tool_calls?: { id: string; function: { name: string; arguments: string } }[];
    tool_call_id?: string;
    name?: string;
  }[];
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
  temperature?: number;
  response_format?: unknown;
  [k: string]: unknown;
};

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: ChatRequestBody | null;
  /** the prompt text of all messages, joined: what tests search for rendered steps */
  prompt: string;
  receivedAt: number;
};

export type Reply =
  /** a completion whose message content is `content` (JSON text or anything else) */
  | { kind: "content"; content: string; promptTokens?: number; completionTokens?: number }
  /** an assistant message with tool calls (and content, null when left out), as a policy answers */
  | {
      kind: "tool-calls";
      calls: { id?: string; name: string; arguments: string | Record<string, unknown> }[];
      content?: string | null;
      promptTokens?: number;
      completionTokens?: number;
    }
  | { kind: "status"; status: number; body?: string; headers?: Record<string, string> }
  /** wait, then answer with `then` */
  | { kind: "delay"; ms: number; then: Reply }
  /** never answer: the client's timeout must fire */
  | { kind: "hang" }
  /** close the socket without answering: a network error for the client */
  | { kind: "drop" };

export type Responder = (req: RecordedRequest) => Reply;

/** A structured judge answer as the model would write it. */
export const answer = (score: number, rationale = "ok", evidence: number[] = [], extra: object = {}): Reply => ({
  kind: "content",
  content: JSON.stringify({ score, rationale, evidence, ...extra }),
  promptTokens: 100,
  completionTokens: 20,
});
export const content = (text: string): Reply => ({
  kind: "content",
  content: text,
  promptTokens: 100,
  completionTokens: 5,
});
export const status = (code: number, body = `{"error":{"message":"status ${code}"}}`): Reply => ({
  kind: "status",
  status: code,
  body,
});
/** Tool calls as a policy asks for them; object arguments are sent as JSON text, a string as it is. */
export const toolCalls = (
  calls: { id?: string; name: string; arguments?: string | Record<string, unknown> }[],
  content: string | null = null,
): Reply => ({
  kind: "tool-calls",
  calls: calls.map((c) => ({ ...c, arguments: c.arguments ?? {} })),
  content,
  promptTokens: 100,
  completionTokens: 10,
});
export const delay = (ms: number, then: Reply): Reply => ({ kind: "delay", ms, then });
export const hang: Reply = { kind: "hang" };
export const drop: Reply = { kind: "drop" };

export type OpenAITestServer = {
  /** base URL as a judge is configured with it: http://127.0.0.1:PORT/v1 */
  url: string;
  /** every chat request received, in order (empty when recording is off) */
  requests: RecordedRequest[];
  /** answers for the next requests, one each, before falling back to the default */
  script(...replies: Reply[]): void;
  /** the answer when nothing is scripted */
  setDefault(r: Reply | Responder): void;
  /** milliseconds the server spent on each answered chat request (arrival to last byte written) */
  handledMs: number[];
  reset(): void;
  close(): Promise<void>;
};

export type StartOptions = {
  port?: number;
  /** the answer when nothing is scripted; default: score 1 */
  fallback?: Reply | Responder;
  /** keep request bodies (off for benches that send thousands) */
  record?: boolean;
  models?: string[];
};

export async function startOpenAITestServer(opts: StartOptions = {}): Promise<OpenAITestServer> {
  const queue: Reply[] = [];
  let fallback: Reply | Responder = opts.fallback ?? answer(1);
  const requests: RecordedRequest[] = [];
  const handledMs: number[] = [];
  const record = opts.record ?? true;
  const pending = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "GET" && url.pathname === "/v1/models") {
        const data = (opts.models ?? ["test-judge"]).map((id) => ({ id, object: "model", owned_by: "test" }));
        return send(res, 200, JSON.stringify({ object: "list", data }));
      }
      if (req.method !== "POST" || url.pathname !== "/v1/chat/completions")
        return send(res, 404, JSON.stringify({ error: { message: `no route ${req.method} ${url.pathname}` } }));
      const recorded = toRecorded(req, url.pathname, Buffer.concat(chunks).toString("utf8"));
      if (record) requests.push(recorded);
      const reply = queue.shift() ?? (typeof fallback === "function" ? fallback(recorded) : fallback);
      pending.add(res);
      res.on("close", () => pending.delete(res));
      play(res, reply, recorded, () => handledMs.push(performance.now() - started));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    handledMs,
    script: (...replies) => queue.push(...replies),
    setDefault: (r) => {
      fallback = r;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      handledMs.length = 0;
      fallback = opts.fallback ?? answer(1);
    },
    close: async () => {
      for (const res of pending) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function toRecorded(req: IncomingMessage, path: string, text: string): RecordedRequest {
  let body: ChatRequestBody | null = null;
  try {
    body = JSON.parse(text) as ChatRequestBody;
  } catch {
    body = null;
  }
  const prompt = (body?.messages ?? []).map((m) => (typeof m.content === "string" ? m.content : "")).join("\n");
  return { method: req.method ?? "", path, headers: req.headers, body, prompt, receivedAt: Date.now() };
}

function send(res: ServerResponse, code: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(code, { "content-type": "application/json", ...headers });
  res.end(body);
}

function play(res: ServerResponse, reply: Reply, req: RecordedRequest, done: () => void) {
  switch (reply.kind) {
    case "delay": {
      const t = setTimeout(() => play(res, reply.then, req, done), reply.ms);
      res.on("close", () => clearTimeout(t));
      return;
    }
    case "hang":
      return;
    case "drop":
      res.socket?.destroy();
      return;
    case "status":
      send(res, reply.status, reply.body ?? "", reply.headers);
      return done();
    case "content":
    case "tool-calls": {
      const promptTokens = reply.promptTokens ?? 0;
      const completionTokens = reply.completionTokens ?? 0;
      const message =
        reply.kind === "content"
          ? { role: "assistant", content: reply.content }
          : {
              role: "assistant",
              content: reply.content ?? null,
              tool_calls: reply.calls.map((c, i) => ({
                id: c.id ?? `call_${i}`,
                type: "function",
                function: {
                  name: c.name,
                  arguments: typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments),
                },
              })),
            };
      send(
        res,
        200,
        JSON.stringify({
          id: "chatcmpl-test",
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: req.body?.model ?? "test-judge",
          choices: [{ index: 0, message, finish_reason: reply.kind === "content" ? "stop" : "tool_calls" }],
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: completionTokens,
            total_tokens: promptTokens + completionTokens,
          },
        }),
      );
      return done();
    }
  }
}
