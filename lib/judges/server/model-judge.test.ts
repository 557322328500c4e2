import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Criterion, criterion } from "@/lib/rubrics/model";
import { trajectoryRecord } from "@/lib/trajectories/format";
import {
  answer,
  content,
  delay,
  drop,
  hang,
  type OpenAITestServer,
  startOpenAITestServer,
  status,
} from "@/test/openai-test-server";
import { modelJudgeConfig } from "../schemas";
import { createModelJudge } from "./model-judge";

let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const longOutput = `BEGIN${"x".repeat(5000)}END`;
const trajectory = trajectoryRecord.parse({
  task: { prompt: "Book the cheapest flight from SFO to JFK" },
  steps: [
    { message: { role: "user", content: "Book the cheapest flight from SFO to JFK" } },
    {
      message: {
        role: "assistant",
        content: "Searching.",
        tool_calls: [{ id: "c1", function: { name: "search_flights", arguments: '{"from":"SFO","to":"JFK"}' } }],
      },
    },
    { message: { role: "tool", tool_call_id: "c1", name: "search_flights", content: longOutput } },
    {
      message: {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "c2", function: { name: "book_flight", arguments: '{"flight":"UA1"}' } }],
      },
    },
    { message: { role: "tool", tool_call_id: "c2", content: "booked UA1" }, error: "seat map unavailable" },
    { message: { role: "assistant", content: "Booked UA1 for $199." } },
  ],
  finalAnswer: "Booked UA1 for $199.",
});

const crit = (over: Partial<Criterion> = {}): Criterion =>
  criterion.parse({
    id: "cheapest",
    title: "Booked the cheapest flight",
    instruction: "The user asked: {{task.prompt}}. Reference: {{task.reference}}",
    weight: 1,
    ...over,
  });

const judgeWith = (over: Record<string, unknown> = {}) =>
  createModelJudge(
    modelJudgeConfig.parse({ baseUrl: server.url, model: "judge-model", apiKey: "sk-secret", maxRetries: 2, ...over }),
    { backoffBaseMs: 5 },
  );

const variables = { referenceAnswer: "UA1 at $199", taskPrompt: null };

describe("model judge against an OpenAI-compatible server", () => {
  it("renders every step and tool call, sends the key as Bearer, and reads a structured answer", async () => {
    server.script(answer(1, "UA1 was the cheapest", [2, 3, 99]));
    const v = await judgeWith().judge({ criterion: crit(), trajectory, variables });
    expect(v).toMatchObject({ raw: 1, error: null, rationale: "UA1 was the cheapest", evidence: [2, 3] });
    expect(v.promptTokens).toBe(100);
    expect(v.completionTokens).toBe(20);
    expect(v.latencyMs).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(1);
    const r = server.requests[0];
    expect(r.headers.authorization).toBe("Bearer sk-secret");
    expect(r.body?.model).toBe("judge-model");
    expect(r.body?.temperature).toBe(0);
    expect(r.body?.response_format).toMatchObject({ type: "json_schema" });
    for (const piece of [
      '[1] assistant: Searching.\n    → search_flights({"from":"SFO","to":"JFK"}) [call c1]',
      "[2] tool search_flights [call c1]: BEGIN",
      '[3] assistant: → book_flight({"flight":"UA1"}) [call c2]',
      "[4] tool [call c2]: booked UA1\n    error: seat map unavailable",
      "[5] assistant: Booked UA1 for $199.",
      "The user asked: Book the cheapest flight from SFO to JFK. Reference: UA1 at $199",
      "Binary: answer 1 if the criterion is met",
    ])
      expect(r.prompt).toContain(piece);
    // 5008 characters cut to 2000: the first 1334 and the last 666, and the rule is stated
    expect(r.prompt).toContain("[… 3008 characters cut …]");
    expect(r.prompt).toContain("first 1334 and last 666 characters");
    expect(r.prompt).not.toContain("x".repeat(1400));
  });

  it("retries a malformed answer and an off-scale score, then takes the good one", async () => {
    server.script(content("I think it is fine"), answer(7), answer(0.5, "partly", [1]));
    const v = await judgeWith().judge({ criterion: crit({ scale: { kind: "ternary" } }), trajectory, variables });
    expect(v).toMatchObject({ raw: 0.5, error: null, evidence: [1] });
    expect(server.requests).toHaveLength(3);
  });

  it("finds the JSON object inside prose and code fences", async () => {
    server.script(
      content('<think>hmm {"no":1}</think>Sure! ```json\n{"score": 8, "rationale": "good", "evidence": [5]}\n```'),
    );
    const bands = { kind: "bands" as const, bands: [{ min: 1, max: 10, description: "quality" }] };
    const v = await judgeWith({ responseFormat: "none" }).judge({
      criterion: crit({ scale: bands }),
      trajectory,
      variables,
    });
    expect(v).toMatchObject({ raw: 8, evidence: [5] });
    expect(server.requests[0].body?.response_format).toBeUndefined();
    expect(server.requests[0].prompt).toContain("- 1-10: quality");
  });

  it("retries 500s and network errors, then records an error and no score", async () => {
    server.script(status(500), drop, answer(1));
    expect(await judgeWith().judge({ criterion: crit(), trajectory, variables })).toMatchObject({ raw: 1 });
    server.reset();
    server.setDefault(status(503));
    const v = await judgeWith({ maxRetries: 2 }).judge({ criterion: crit(), trajectory, variables });
    expect(v.raw).toBeNull();
    expect(v.error).toMatch(/failed after 3 attempts: .*answered 503/);
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a refused key", async () => {
    server.setDefault(status(401, '{"error":{"message":"bad key"}}'));
    const v = await judgeWith().judge({ criterion: crit(), trajectory, variables });
    expect(v).toMatchObject({ raw: null });
    expect(v.error).toMatch(/answered 401: .*bad key/);
    expect(server.requests).toHaveLength(1);
  });

  it("times out a request that hangs, retries, and gives up with the timeout named", async () => {
    server.setDefault(hang);
    const t0 = performance.now();
    const v = await judgeWith({ timeoutMs: 150, maxRetries: 1 }).judge({ criterion: crit(), trajectory, variables });
    expect(v.raw).toBeNull();
    expect(v.error).toMatch(/failed after 2 attempts: no answer within 150 ms/);
    expect(performance.now() - t0).toBeLessThan(2000);
    server.reset();
    server.script(delay(400, answer(0)), answer(1, "second"));
    expect(
      await judgeWith({ timeoutMs: 150, maxRetries: 1 }).judge({ criterion: crit(), trajectory, variables }),
    ).toMatchObject({ raw: 1, rationale: "second" });
  });

  it("combines samples by majority (a tie goes to the lower score) or by mean", async () => {
    server.script(answer(1, "a", [1]), answer(0, "b", [2]), answer(1, "c", [3]));
    const m = await judgeWith({ samples: 3 }).judge({ criterion: crit(), trajectory, variables });
    expect(m).toMatchObject({ raw: 1, evidence: [1, 3] });
    expect(m.samples?.map((s) => s.raw).sort()).toEqual([0, 1, 1]);
    expect(m.promptTokens).toBe(300);

    server.script(answer(1), answer(0));
    expect(await judgeWith({ samples: 2 }).judge({ criterion: crit(), trajectory, variables })).toMatchObject({
      raw: 0,
    });

    const unit = crit({ scale: { kind: "unit" } });
    server.script(answer(0.2), answer(0.6), answer(1));
    const mean = await judgeWith({ samples: 3, combine: "mean" }).judge({ criterion: unit, trajectory, variables });
    expect(mean.raw).toBeCloseTo(0.6, 10);
  });

  it("keeps to its concurrency limit", async () => {
    server.setDefault(delay(30, answer(1)));
    const judge = judgeWith({ concurrency: 2 });
    let inFlightMax = 0;
    const timer = setInterval(() => {
      const open = server.requests.length - server.handledMs.length;
      inFlightMax = Math.max(inFlightMax, open);
    }, 2);
    await Promise.all(Array.from({ length: 8 }, () => judge.judge({ criterion: crit(), trajectory, variables })));
    clearInterval(timer);
    expect(server.requests).toHaveLength(8);
    expect(inFlightMax).toBeLessThanOrEqual(2);
    expect(inFlightMax).toBeGreaterThan(0);
  });

  it("gives the same key for the same configuration, whatever the API key", () => {
    const a = judgeWith({ apiKey: "one" }).key;
    expect(judgeWith({ apiKey: "two" }).key).toBe(a);
    expect(judgeWith({ temperature: 0.5 }).key).not.toBe(a);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
