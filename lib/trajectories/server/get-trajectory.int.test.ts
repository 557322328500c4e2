import { describe, expect, it } from "vitest";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { SHORTEN_AT } from "../view-schemas";
import { getStep, parseStepIndex } from "./get-step";
import { getTrajectory } from "./get-trajectory";
import { ingestTrajectories, validateRecords } from "./ingest-trajectories";

const { db } = connectTestDb();

const longOutput = `${"é".repeat(SHORTEN_AT)}tail`; // 2 bytes a character: sizes are bytes, cuts characters

const episode = (id: string, args = '{"city":"Paris"}') => ({
  id,
  task: { id: "weather-1", prompt: "Weather in Paris?" },
  policy: { model: "qwen3-8b" },
  loadingStrategy: "itl",
  contextLimit: 32768,
  tools: [{ name: "weather_get", description: "Weather for a city" }, { name: "load_tools" }],
  initialTools: ["load_tools"],
  steps: [
    { message: { role: "system", content: "You are helpful." } },
    {
      message: {
        role: "user",
        content: [
          { type: "text", text: "Weather" },
          { type: "text", text: "in Paris?" },
        ],
      },
    },
    {
      message: {
        role: "assistant",
        content: null,
        reasoning_content: "I should look it up.",
        tool_calls: [{ id: "c1", type: "function", function: { name: "weather_get", arguments: args } }],
      },
      toolsLoaded: ["weather_get"],
      latencyMs: 812,
      startedAt: "2026-01-02T03:04:05.000Z",
    },
    { message: { role: "tool", tool_call_id: "c1", content: longOutput }, error: "rate limited once" },
    { message: { role: "assistant", content: "18 C and sunny." } },
  ],
  outcome: "pass",
  reward: 0.75,
  finalAnswer: "18 C and sunny.",
  scores: [{ criterion: "correct", value: 1, rationale: "matches" }],
  metadata: { seed: 7 },
});

async function ingest(projectId: string, records: unknown[]) {
  const res = await ingestTrajectories({ db, projectId, items: validateRecords(records) });
  return res.map((r) => (r as { id: string }).id);
}

describe("getTrajectory", () => {
  it("returns the header and every step, with long text shortened and its whole size given", async () => {
    const { project } = await makeProject(db);
    const [id, other] = await ingest(project.id, [episode("a"), episode("b", '{"city":"Lyon"}')]);
    const v = await getTrajectory({ db, projectId: project.id, trajectoryId: id });

    expect(v).toMatchObject({
      clientId: "a",
      task: { ref: "weather-1", id: null, prompt: null },
      policy: "qwen3-8b",
      loadingStrategy: "itl",
      tokenizer: { name: "qwen3", exact: true },
      contextLimit: 32768,
      outcome: "pass",
      reward: 0.75,
      finalAnswer: "18 C and sunny.",
      metadata: { seed: 7 },
      labelCount: 0,
      stepCount: 5,
      toolCallCount: 1,
      toolErrorCount: 1,
      durationMs: 812,
      tools: ["weather_get", "load_tools"],
      initialTools: ["load_tools"],
    });
    expect(v.scores).toMatchObject([{ criterion: "correct", value: 1, rationale: "matches", error: null }]);
    expect(v.sameTask.map((s) => s.id)).toEqual([other]);

    expect(v.steps.map((s) => s.role)).toEqual(["system", "user", "assistant", "tool", "assistant"]);
    expect(v.steps[1].message.content).toBe("Weather\nin Paris?");
    expect(v.steps[2]).toMatchObject({
      toolsLoaded: ["weather_get"],
      latencyMs: 812,
      startedAt: "2026-01-02T03:04:05.000Z",
      message: {
        reasoning: "I should look it up.",
        toolCalls: [{ id: "c1", name: "weather_get", arguments: '{"city":"Paris"}', truncated: null }],
        truncated: { content: null, reasoning: null },
      },
    });
    const tool = v.steps[3];
    expect(tool.message.name).toBe("weather_get"); // from the call it answers
    expect(tool.error).toBe("rate limited once");
    expect(tool.message.content).toHaveLength(SHORTEN_AT);
    expect(tool.message.truncated.content).toBe(Buffer.byteLength(longOutput));
    expect(tool.bytes).toBeGreaterThan(Buffer.byteLength(longOutput));
    // the context at the last step counts the tool output and the loaded schema
    expect(v.steps[4].context?.toolOutputs).toBe(tool.tokens);
    expect(v.steps[4].context?.toolSchemas).toBeGreaterThan(v.steps[2].context?.toolSchemas ?? 0);
  });

  it("lists the calls a program made on its result, whole or cut in the database alike", async () => {
    const { project } = await makeProject(db);
    const program = (id: string, output: string) => ({
      id,
      steps: [
        { message: { role: "user", content: "Distance Paris to Lyon in miles?" } },
        {
          message: {
            role: "assistant",
            content: null,
            tool_calls: [{ id: "p1", type: "function", function: { name: "run_program", arguments: '{"code":"…"}' } }],
          },
        },
        {
          message: {
            role: "tool",
            tool_call_id: "p1",
            content: output,
            program_calls: [
              { name: "distance_between", arguments: '{"from":"Paris","to":"Lyon"}', ok: true },
              { name: "convert_units", arguments: "{}", ok: false, error: "value is required" },
            ],
          },
        },
        { message: { role: "assistant", content: "About 244 miles." } },
      ],
    });
    // the second result is over 32 KB, so PostgreSQL cuts its fields before they leave the database
    const ids = await ingest(project.id, [program("small", "program finished"), program("big", "x".repeat(40_000))]);
    for (const id of ids) {
      const v = await getTrajectory({ db, projectId: project.id, trajectoryId: id });
      expect(v.toolCallCount).toBe(3);
      expect(v.steps[2].message.programCalls).toEqual([
        { name: "distance_between", arguments: '{"from":"Paris","to":"Lyon"}', ok: true, error: null },
        { name: "convert_units", arguments: "{}", ok: false, error: "value is required" },
      ]);
      expect(v.steps[1].message.programCalls).toEqual([]);
    }
  });

  it("answers 404 for an episode of another project", async () => {
    const { project } = await makeProject(db);
    const { project: other } = await makeProject(db);
    const [id] = await ingest(project.id, [episode("a")]);
    await expect(getTrajectory({ db, projectId: other.id, trajectoryId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      field: "trajectoryId",
    });
    await expect(getStep({ db, projectId: other.id, trajectoryId: id, index: 0 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      field: "trajectoryId",
    });
  });
});

describe("getStep", () => {
  it("returns one message whole, and names the valid range for a step that is not there", async () => {
    const { project } = await makeProject(db);
    const [id] = await ingest(project.id, [episode("a")]);
    const s = await getStep({ db, projectId: project.id, trajectoryId: id, index: 3 });
    expect(s.message).toMatchObject({ role: "tool", tool_call_id: "c1", content: longOutput });
    await expect(getStep({ db, projectId: project.id, trajectoryId: id, index: 5 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      field: "index",
      message: expect.stringContaining("0 to 4"),
    });
    expect(() => parseStepIndex("x1")).toThrow(/index is the step's number/);
    expect(parseStepIndex("12")).toBe(12);
  });
});

// log-like text: a 5 MB single word would test the tokenizer, not the viewer
const bigOutput = Array.from({ length: 185_200 }, (_, i) => `${String(i).padStart(6, "0")} INFO fetched row ok\n`)
  .join("")
  .slice(0, 5_000_000);

describe("a long trajectory", () => {
  it("loads 2,000 steps, one of them 5 MB, in well under a second", async () => {
    const { project } = await makeProject(db);
    const steps = [{ message: { role: "user", content: "Go." } }];
    for (let i = 0; i < 1999; i += 2) {
      steps.push({
        message: {
          role: "assistant",
          content: null,
          tool_calls: [{ id: `c${i}`, type: "function", function: { name: "search", arguments: `{"q":"${i}"}` } }],
        } as never,
      });
      steps.push({
        message: { role: "tool", tool_call_id: `c${i}`, content: i === 1000 ? bigOutput : "ok ".repeat(300) },
      } as never);
    }
    const [id] = await ingest(project.id, [{ id: "long", policy: { model: "gpt-4o" }, steps: steps.slice(0, 2000) }]);
    const t0 = performance.now();
    const v = await getTrajectory({ db, projectId: project.id, trajectoryId: id });
    const ms = performance.now() - t0;
    expect(v.steps).toHaveLength(2000);
    expect(v.steps[1002].message.truncated.content).toBe(bigOutput.length);
    // cut in the database (a row past 32 KB) the same way as a shorter row is cut here
    expect(v.steps[1002].message.content).toBe(bigOutput.slice(0, SHORTEN_AT));
    expect(v.steps[1002].message.name).toBe("search");
    expect(JSON.stringify(v).length).toBeLessThan(5_000_000);
    expect(ms).toBeLessThan(2000);
  });
});
