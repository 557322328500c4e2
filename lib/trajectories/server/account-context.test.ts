import { describe, expect, it } from "vitest";
import { trajectoryInput } from "../format";
import { accountTrajectory, contextTotal, hashTrajectory } from "./account-context";
import { getTokenizer } from "./tokenizers";

const tool = (name: string) => ({ name, description: `${name} does things`, inputSchema: { type: "object" } });
const call = (id: string, name: string) => ({
  role: "assistant",
  content: null,
  tool_calls: [{ id, type: "function", function: { name, arguments: "{}" } }],
});

const record = (model = "gpt-4o") =>
  trajectoryInput.parse({
    policy: { model },
    tools: [tool("search_tools"), tool("weather_get")],
    initialTools: ["search_tools"],
    steps: [
      { message: { role: "user", content: "Weather?" } },
      { message: call("c1", "search_tools") },
      { message: { role: "tool", tool_call_id: "c1", content: "weather_get" }, toolsLoaded: ["weather_get"] },
      { message: call("c2", "weather_get"), error: "server not reachable" },
      { message: { role: "tool", tool_call_id: "c2", content: "boom" }, toolsUnloaded: ["weather_get"] },
      { message: { role: "assistant", content: "Sorry." } },
    ],
  });

describe("accountTrajectory", () => {
  it("counts loaded tool schemas from the step after they are loaded until they are unloaded", () => {
    const acc = accountTrajectory(record());
    const tok = getTokenizer("o200k_base");
    const schema = (n: string) =>
      tok.count(JSON.stringify({ name: n, description: `${n} does things`, parameters: { type: "object" } }));
    const schemas = acc.steps.map((s) => s.context.toolSchemas);
    const one = schema("search_tools");
    const both = one + schema("weather_get");
    expect(schemas).toEqual([one, one, one, both, both, one]);
    expect(acc.toolsUsed).toEqual(["search_tools", "weather_get"]);
    expect(acc.toolCallCount).toBe(2);
    expect(acc.toolErrorCount).toBe(1);
    expect(acc.tokenizer).toBe("o200k_base");
    // the peak includes the final context, with every message counted once
    const all = acc.steps.reduce((n, s) => n + s.tokens, 0);
    expect(acc.peakContextTokens).toBe(Math.max(...acc.steps.map((s) => contextTotal(s.context)), all + one));
    expect(acc.summary).toBe("Weather?");
  });

  it("counts Qwen3 policies with the Qwen3 tokenizer and keeps counts a file carries", () => {
    expect(accountTrajectory(record("Qwen/Qwen3-4B")).tokenizer).toBe("qwen3");
    const provided = trajectoryInput.parse({
      tokenizer: "llama3",
      messages: [{ role: "user", content: "hi" }],
    });
    provided.steps[0].context = { system: 1, toolSchemas: 2, history: 3, toolOutputs: 4 };
    const acc = accountTrajectory(provided);
    expect(acc.tokenizer).toBe("llama3");
    expect(acc.steps[0].context).toEqual({ system: 1, toolSchemas: 2, history: 3, toolOutputs: 4 });
  });

  it("hashes content, not key order or the client id", () => {
    const a = record();
    const b = trajectoryInput.parse(JSON.parse(JSON.stringify({ ...record(), id: "x" })));
    expect(hashTrajectory(a)).toBe(hashTrajectory(b));
    expect(hashTrajectory({ ...a, reward: 1 })).not.toBe(hashTrajectory(a));
  });
});
