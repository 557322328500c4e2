// The policy client over real HTTP: what it sends, which failures it retries, what it tells the
// user to fix, and how it reads the tool-call shapes different servers write.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { PolicyConfig } from "@/lib/runtime/episode/types";
import {
  content,
  delay,
  drop,
  hang,
  type OpenAITestServer,
  startOpenAITestServer,
  status,
  toolCalls,
} from "@/test/openai-test-server";
import { completePolicy, type PolicyTool } from "./chat-policy";

let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer({ fallback: content("fallback") });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const policy = (o: Partial<PolicyConfig> = {}): PolicyConfig => ({
  name: "p",
  baseUrl: `${server.url}/`,
  model: "qwen3-4b",
  apiKey: "sk-test",
  temperature: 0.2,
  maxTokens: 256,
  contextWindow: 32_000,
  tokenizer: "qwen3",
  timeoutMs: 2_000,
  ...o,
});
const tool: PolicyTool = {
  type: "function",
  function: { name: "geo__get_city", description: "a city", parameters: { type: "object" } },
};
const fast = { backoffBaseMs: 5 };

it("sends model, messages, tools with tool_choice auto, temperature, max_tokens and the key; reads calls and usage", async () => {
  server.script(toolCalls([{ id: "c1", name: "geo__get_city", arguments: { name: "Oslo" } }], "looking"));
  const r = await completePolicy(policy(), [{ role: "user", content: "hi" }], [tool], fast);
  expect(r.message).toEqual({
    role: "assistant",
    content: "looking",
    tool_calls: [{ id: "c1", type: "function", function: { name: "geo__get_city", arguments: '{"name":"Oslo"}' } }],
  });
  expect(r).toMatchObject({
    usage: { promptTokens: 100, completionTokens: 10 },
    finishReason: "tool_calls",
    attempts: 1,
  });
  const req = server.requests[0];
  expect(req.path).toBe("/v1/chat/completions");
  expect(req.headers.authorization).toBe("Bearer sk-test");
  expect(req.body).toEqual({
    model: "qwen3-4b",
    messages: [{ role: "user", content: "hi" }],
    tools: [tool],
    tool_choice: "auto",
    temperature: 0.2,
    max_tokens: 256,
  });
});

it("leaves tools out when none are offered and sends no key when there is none", async () => {
  await completePolicy(policy({ apiKey: null }), [{ role: "user", content: "hi" }], [], fast);
  expect(server.requests[0].body).not.toHaveProperty("tools");
  expect(server.requests[0].body).not.toHaveProperty("tool_choice");
  expect(server.requests[0].headers.authorization).toBeUndefined();
});

it("retries 429, 5xx, a dropped connection, a timeout and an unreadable reply, then answers", async () => {
  server.script(status(429), status(503), drop, hang, status(200, "<html>proxy</html>"), content("ok"));
  const r = await completePolicy(policy({ timeoutMs: 300 }), [{ role: "user", content: "hi" }], [], {
    ...fast,
    maxRetries: 5,
  });
  expect(r.message.content).toBe("ok");
  expect(r.attempts).toBe(6);
});

it("gives up after its retries with the last reason", async () => {
  server.setDefault(status(502, "bad gateway"));
  await expect(completePolicy(policy(), [], [], { ...fast, maxRetries: 2 })).rejects.toThrow(
    "policy failed after 3 attempts: policy answered 502: bad gateway",
  );
  expect(server.requests).toHaveLength(3);
});

it("fails at once on a refused key or a wrong URL or model, saying what to check", async () => {
  server.script(status(401));
  await expect(completePolicy(policy(), [], [], fast)).rejects.toThrow(/^policy answered 401: check its API key/);
  server.script(status(404));
  await expect(completePolicy(policy(), [], [], fast)).rejects.toThrow(
    /^policy answered 404: check its base URL \(.+\/v1\/chat\/completions\) and model name/,
  );
  server.script(status(400, "bad request"));
  await expect(completePolicy(policy(), [], [], fast)).rejects.toThrow("policy answered 400: bad request");
  expect(server.requests).toHaveLength(3);
});

it("names an endpoint nobody listens on", async () => {
  const gone = await startOpenAITestServer();
  await gone.close();
  await expect(completePolicy(policy({ baseUrl: gone.url }), [], [], { ...fast, maxRetries: 0 })).rejects.toThrow(
    `policy failed after 1 attempt: cannot reach the policy at ${gone.url}/chat/completions: ECONNREFUSED`,
  );
});

it("reads calls without ids, object arguments and separate reasoning", async () => {
  const body = JSON.stringify({
    choices: [
      {
        message: {
          role: "assistant",
          content: null,
          reasoning_content: "think",
          tool_calls: [{ function: { name: "a", arguments: { x: 1 } } }, { function: { name: "b" } }],
        },
        finish_reason: "tool_calls",
      },
    ],
  });
  server.script(status(200, body));
  const r = await completePolicy(policy(), [], [], fast);
  expect(r.message).toEqual({
    role: "assistant",
    content: null,
    reasoning_content: "think",
    tool_calls: [
      { id: "call_0", type: "function", function: { name: "a", arguments: '{"x":1}' } },
      { id: "call_1", type: "function", function: { name: "b", arguments: "{}" } },
    ],
  });
  expect(r.usage).toBeUndefined();
});

it("stops waiting when cancelled", async () => {
  server.script(delay(5_000, content("late")));
  const c = new AbortController();
  setTimeout(() => c.abort(), 100);
  const t0 = performance.now();
  await expect(completePolicy(policy({ timeoutMs: 10_000 }), [], [], { signal: c.signal })).rejects.toMatchObject({
    message: "cancelled before the policy answered",
    cancelled: true,
  });
  expect(performance.now() - t0).toBeLessThan(1_000);
});
