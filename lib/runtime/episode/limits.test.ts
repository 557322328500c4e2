// What happens at each limit (docs/agent-runtime.md): max turns, max tool calls, the context
// budget, a tool result over maxToolResultTokens, cancellation; and the function-name mapping
// the model sees. Policy over real HTTP, servers real processes.
import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { getTokenizer } from "@/lib/trajectories/server/tokenizers";
import { content, hang, type OpenAITestServer, startOpenAITestServer } from "@/test/openai-test-server";
import { misbehave } from "@/test/oracle-policy";
import { connectServer } from "../mcp/server/connect-server";
import { fixtureStdioServer } from "../mcp/server/fixtures/processes";
import type { ToolDefinition } from "../strategies/meta-tools";
import { bundledEpisodeServers } from "./bundled-servers";
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

const fixture = (name: string, renamed: Record<string, string> = {}): EpisodeServer => ({
  name,
  description: "a test server that adds and sleeps",
  connection: { transport: "stdio", command: process.execPath, args: [fixtureStdioServer], env: {} },
  tools: tools.map((t) => ({ ...t, name: renamed[t.name] ?? t.name })),
});

const spec = (servers: EpisodeServer[], limits: Partial<EpisodeSpec["limits"]> = {}) =>
  scriptedSpec(policy.url, servers, dirs, limits);

const toolSteps = (sink: ReturnType<typeof memorySink>) => sink.steps.filter((s) => s.message.role === "tool");

it("stops at max turns without an answer", async () => {
  policy.reset();
  policy.setDefault(misbehave.forever("add", { a: 1, b: 1 }));
  const sink = memorySink();
  const result = await runEpisode(await spec([fixture("calc")], { maxTurns: 3 }), sink);
  expect(result).toMatchObject({ stopReason: "max-turns", outcome: "fail", toolCalls: 3, finalAnswer: undefined });
  expect(policy.requests).toHaveLength(3);
  expect(sink.ended?.metadata).toMatchObject({ turns: 3, toolCalls: 3, error: "no answer within 3 turns" });
});

it("answers calls past max tool calls with an error, runs none of them, and stops", async () => {
  policy.reset();
  policy.script(misbehave.call("add", { a: 1, b: 1 }));
  policy.script({
    kind: "tool-calls",
    calls: [
      { id: "a", name: "add", arguments: { a: 2, b: 2 } },
      { id: "b", name: "add", arguments: { a: 3, b: 3 } },
    ],
  });
  const sink = memorySink();
  const result = await runEpisode(await spec([fixture("calc")], { maxToolCalls: 2 }), sink);
  expect(result).toMatchObject({ stopReason: "max-tool-calls", outcome: "fail", toolCalls: 2 });
  expect(toolSteps(sink).map((s) => [s.message.content, s.error])).toEqual([
    ["2", undefined],
    ["4", undefined],
    [
      "not run: the episode's limit of 2 tool calls is reached",
      "not run: the episode's limit of 2 tool calls is reached",
    ],
  ]);
  expect(policy.requests).toHaveLength(2);
});

it("never sends a request whose context is over the budget", async () => {
  policy.reset();
  const sink = memorySink();
  const result = await runEpisode(await spec(bundledEpisodeServers(), { contextBudget: 2_000 }), sink);
  expect(result).toMatchObject({ stopReason: "context-budget", outcome: "fail" });
  expect(result.error).toMatch(/^the context holds \d+ tokens, over the budget of 2000$/);
  expect(policy.requests).toHaveLength(0);
});

it("cuts a tool result over maxToolResultTokens to head and tail with a marker, and stores the full result", async () => {
  const s = await spec(bundledEpisodeServers(["filesystem"]), { maxToolResultTokens: 300 });
  const lines = Array.from({ length: 3000 }, (_, i) => `line ${i} ${randomUUID()}`);
  const text = `${lines.join("\n")}\n`;
  await writeFile(path.join(s.episodeDir, "big.txt"), text);
  policy.reset();
  policy.script(misbehave.call("read_text_file", { path: path.join(s.episodeDir, "big.txt") }), content("read it"));
  const sink = memorySink();
  const result = await runEpisode(s, sink);
  expect(result.stopReason).toBe("answered");
  const [step] = toolSteps(sink);
  const cut = step.message.content as string;
  const [[ref, full]] = [...sink.full.entries()];
  expect(full.text).toBe(text);
  expect(full.index).toBe(sink.steps.indexOf(step));
  expect(cut.startsWith("line 0 ")).toBe(true);
  expect(cut.endsWith(`${lines.at(-1)}\n`)).toBe(true);
  expect(cut).toMatch(
    new RegExp(`\\[… \\d+ of ${text.length} characters cut here; the full result is stored as ${ref}\\]`),
  );
  expect(getTokenizer("o200k_base").count(cut)).toBeLessThanOrEqual(300);
  expect(step.tokens).toBeLessThanOrEqual(300);
  // the model read the cut text, not the full one
  expect(policy.requests[1].body?.messages?.at(-1)?.content).toBe(cut);
});

it("maps catalogue names to strict function names both ways and stores the catalogue names", async () => {
  const long = `x${"y".repeat(80)}`;
  policy.reset();
  policy.script(misbehave.call("beta__add", { a: 2, b: 5 }), content("7"));
  const sink = memorySink();
  const result = await runEpisode(await spec([fixture("alpha"), fixture("beta", { sleep: long })]), sink);
  const offered = (policy.requests[0].body?.tools ?? []).map((t) => t.function.name);
  expect(offered).toEqual(
    expect.arrayContaining(["alpha__add", "beta__add", "sleep", expect.stringMatching(/^xy{54}_[0-9a-f]{8}$/)]),
  );
  for (const n of offered) expect(n).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
  const assistant = sink.steps.find((s) => s.message.role === "assistant");
  expect(assistant?.message.role === "assistant" && assistant.message.tool_calls?.[0].function.name).toBe("beta.add");
  expect(toolSteps(sink)[0].message).toMatchObject({ name: "beta.add", content: "7" });
  expect(sink.header?.tools.map((t) => t.name)).toContain(long);
  expect(result.metadata.functionNames).toEqual({ "beta.add": "beta__add" });
});

it("cancels a waiting request at once and ends the episode as cancelled", async () => {
  policy.reset();
  policy.script(hang);
  const controller = new AbortController();
  const sink = memorySink();
  const t0 = performance.now();
  setTimeout(() => controller.abort(), 200);
  const result = await runEpisode(await spec([fixture("calc")]), sink, { signal: controller.signal });
  expect(performance.now() - t0).toBeLessThan(2_000);
  expect(result).toMatchObject({ stopReason: "cancelled", outcome: "error" });
  expect(sink.ended?.stopReason).toBe("cancelled");
});

it("stores each step before anything that follows it: the next tool call or model request", async () => {
  policy.reset();
  policy.script(
    {
      kind: "tool-calls",
      calls: [
        { id: "a", name: "add", arguments: { a: 1, b: 1 } },
        { id: "b", name: "add", arguments: { a: 2, b: 2 } },
      ],
    },
    content("2 and 4"),
  );
  const sink = memorySink();
  const seen: string[] = [];
  const store = sink.step;
  sink.step = async (step, index) => {
    // a slow store: nothing may overtake it
    await new Promise((r) => setTimeout(r, 50));
    seen.push(`${step.message.role}@${policy.requests.length}`);
    return store(step, index);
  };
  const result = await runEpisode(await spec([fixture("calc")]), sink);
  expect(result.stopReason).toBe("answered");
  expect(seen).toEqual(["system@0", "user@0", "assistant@1", "tool@1", "tool@1", "assistant@2"]);
  expect(sink.steps.map((s) => s.message.role === "tool" && s.message.content).filter(Boolean)).toEqual(["2", "4"]);
});
