// Faults an episode lives through: a server killed mid-episode, a hanging tool, an offline
// catalogue, calls the model gets wrong. Each is a tool error the model reads; the episode goes
// on, and the next episode starts its servers afresh. Policy over real HTTP, servers real processes.
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { content, type OpenAITestServer, startOpenAITestServer, status } from "@/test/openai-test-server";
import { misbehave } from "@/test/oracle-policy";
import { connectServer } from "../mcp/server/connect-server";
import { fixtureStdioServer, isAlive, processesWith } from "../mcp/server/fixtures/processes";
import type { ToolDefinition } from "../strategies/meta-tools";
import { memorySink } from "./memory-sink";
import { runEpisode } from "./run-episode";
import { scriptedSpec } from "./test-spec";
import type { EpisodeServer, EpisodeSpec } from "./types";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let policy: OpenAITestServer;
let tools: ToolDefinition[];
const dirs: string[] = [];

beforeAll(async () => {
  policy = await startOpenAITestServer({ fallback: content("done") });
  const h = await connectServer({ transport: "stdio", command: process.execPath, args: [fixtureStdioServer] });
  tools = await h.listTools();
  await h.close();
});
afterAll(async () => {
  await policy.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** The fixture server under `name`, marked so that the test can find its process. */
function fixture(name: string, marker: string, ...extra: string[]): EpisodeServer {
  return {
    name,
    description: "a test server that adds, sleeps and crashes",
    connection: {
      transport: "stdio",
      command: process.execPath,
      args: [fixtureStdioServer, `--marker=${marker}`, ...extra],
      env: {},
    },
    tools,
  };
}

const spec = (servers: EpisodeServer[], limits: Partial<EpisodeSpec["limits"]> = {}) =>
  scriptedSpec(policy.url, servers, dirs, limits);

const toolSteps = (sink: ReturnType<typeof memorySink>) => sink.steps.filter((s) => s.message.role === "tool");

it("a server killed mid-episode answers a tool error, the episode goes on, the next episode restarts it", async () => {
  const marker = randomUUID();
  const s = await spec([fixture("calc", marker)]);
  let killed = 0;
  policy.reset();
  policy.script(misbehave.call("add", { a: 1, b: 2 }, "c1"));
  policy.setDefault((req) => {
    const tools = req.body?.messages?.filter((m) => m.role === "tool").length ?? 0;
    if (tools === 1) {
      [killed] = processesWith(marker);
      process.kill(-killed, "SIGKILL");
      return misbehave.call("add", { a: 3, b: 4 }, "c2");
    }
    return content("the server died");
  });
  const sink = memorySink();
  const result = await runEpisode(s, sink);
  expect(result.stopReason).toBe("answered");
  expect(result.finalAnswer).toBe("the server died");
  const [first, second] = toolSteps(sink);
  expect(first.message.content).toBe("3");
  expect(first.error).toBeUndefined();
  expect(second.error).toBe("server calc exited (signal SIGKILL)");
  expect(isAlive(killed)).toBe(false);

  policy.reset();
  policy.script(misbehave.call("add", { a: 20, b: 22 }), content("42"));
  const next = memorySink();
  await runEpisode(s, next);
  expect(toolSteps(next)[0].message.content).toBe("42");
  expect(processesWith(marker)).toEqual([]);
});

it("a hanging tool times out into a tool error, the same server answers the next call, and none outlives the episode", async () => {
  const marker = randomUUID();
  policy.reset();
  policy.script(misbehave.call("sleep", { ms: 60_000 }), misbehave.call("add", { a: 1, b: 1 }), content("ok"));
  const sink = memorySink();
  const t0 = performance.now();
  const result = await runEpisode(await spec([fixture("slow", marker, "--stubborn")], { toolTimeoutMs: 400 }), sink);
  expect(performance.now() - t0).toBeLessThan(15_000);
  expect(result.stopReason).toBe("answered");
  const [hung, next] = toolSteps(sink);
  expect(hung.error).toBe("server slow did not answer within 0.4 s");
  expect(next.message.content).toBe("2");
  expect(processesWith(marker)).toEqual([]);
});

it("an offline catalogue's tool, an unknown tool, bad JSON and an unloaded tool are tool errors the model reads", async () => {
  const offline: EpisodeServer = {
    name: "weather-import",
    description: "imported",
    connection: { transport: "offline" },
    tools: [{ name: "get_weather", description: "weather", inputSchema: { type: "object" } }],
  };
  const s = { ...(await spec([offline, fixture("calc", randomUUID())])), strategy: "itl" as const };
  policy.reset();
  policy.script(
    misbehave.call("load_tools", { names: ["weather-import.get_weather"] }),
    misbehave.call("get_weather", { city: "Oslo" }),
    misbehave.unknownTool(),
    misbehave.badJson("get_weather"),
    misbehave.call("add", { a: 1, b: 2 }),
    content("gave up"),
  );
  const sink = memorySink();
  const result = await runEpisode(s, sink);
  expect(result).toMatchObject({ stopReason: "answered", finalAnswer: "gave up", toolCalls: 5 });
  expect(toolSteps(sink).map((t) => t.error)).toEqual([
    undefined,
    "server not reachable: weather-import is an offline catalogue imported from a file",
    "no tool is named no_such_tool; call one of the tools offered",
    expect.stringMatching(/^get_weather: arguments are not valid JSON \(.+\); send a JSON object$/),
    "add is not loaded; load it with load_tools",
  ]);
  // the model was sent every error as the tool's answer
  const last = policy.requests.at(-1)?.body?.messages ?? [];
  expect(last.filter((m) => m.role === "tool").map((m) => m.content)).toEqual(
    toolSteps(sink).map((t) => t.message.content),
  );
});

it("a policy that refuses the key ends the episode as an error that says what to fix", async () => {
  policy.reset();
  policy.script(status(401, '{"error":{"message":"invalid api key"}}'));
  const sink = memorySink();
  const result = await runEpisode(await spec([fixture("calc", randomUUID())]), sink);
  expect(result).toMatchObject({ stopReason: "policy-error", outcome: "error" });
  expect(result.error).toMatch(/^policy answered 401: check its API key/);
  expect(sink.ended?.stopReason).toBe("policy-error");
  expect(sink.steps.map((s) => s.message.role)).toEqual(["system", "user"]);
});
