import { describe, expect, it } from "vitest";
import { episode, inspectLog } from "../test-samples";
import { checkConverted } from "../validate";
import { convertRecord } from "./convert";
import { listFields, suggestMapping } from "./fields";
import { inspectEvalInfo } from "./inspect";

const check = (record: unknown, mapping = suggestMapping(listFields([episode(1)]))) =>
  checkConverted(0, convertRecord("jsonl", record, { mapping }));

describe("field mapping", () => {
  it("lists the fields with types and guesses the mapping from their names", () => {
    const fields = listFields([episode(1), episode(2, { info: { run_id: "r" } })]);
    expect(fields.find((f) => f.path === "messages")).toMatchObject({
      type: "messages",
      present: 2,
      example: "5 messages",
    });
    expect(fields.find((f) => f.path === "reward")).toMatchObject({ type: "number", present: 2 });
    expect(fields.find((f) => f.path === "info.run_id")).toMatchObject({ type: "string", present: 1 });
    expect(suggestMapping(fields)).toEqual({
      messages: "messages",
      id: "id",
      taskId: "question_id",
      prompt: "question",
      reward: "reward",
      outcome: "verdict",
      finalAnswer: "final_answer",
      policy: "model",
      runId: "info.run_id",
    });
  });
});

describe("OpenAI-style episodes", () => {
  it("maps the fields, reads the verdict, and keeps the rest as metadata", () => {
    const r = check(episode(1));
    if (!("record" in r)) throw new Error(JSON.stringify(r.errors));
    expect(r.record).toMatchObject({
      id: "rollout-1",
      task: { id: "q-1", prompt: "What is the weather in city 1?" },
      policy: { model: "Qwen/Qwen3-4B" },
      reward: 1,
      outcome: "pass",
      finalAnswer: "It is 11 C.",
      metadata: { split: "train" },
    });
    // arguments written as an object become the JSON text the model would have produced
    const call = r.record.steps[2].message;
    expect(call.role === "assistant" && call.tool_calls?.[0].function.arguments).toBe('{"city":"city 1"}');
    expect(r.record.steps).toHaveLength(5);
  });

  it("reads each spelling of a verdict, and names a value that is none", () => {
    const outcome = (verdict: unknown) => {
      const r = check(episode(1, { verdict }));
      return "record" in r ? r.record.outcome : r.errors[0].message;
    };
    expect([true, "C", "PASS", 1, "correct"].map(outcome)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect([false, "I", "fail", 0, "incorrect"].map(outcome)).toEqual(["fail", "fail", "fail", "fail", "fail"]);
    expect(outcome("partial")).toBe("partial");
    expect(outcome("maybe")).toMatch(/'maybe' is not a verdict/);
  });

  it("adds the prompt as the user's turn when the messages have none, and names bad messages by their own path", () => {
    const noUser = episode(1);
    noUser.messages = noUser.messages.filter((m) => m.role !== "user");
    const ok = check(noUser);
    expect("record" in ok && ok.record.steps[0].message).toEqual({
      role: "user",
      content: "What is the weather in city 1?",
    });
    const bad = episode(1);
    (bad.messages[2] as { role: string }).role = "wizard";
    expect(check(bad)).toMatchObject({ errors: [{ path: "messages.2.role" }] });
  });

  it("links tool results that carry no call id to the call they answer", () => {
    const e = episode(1);
    delete (e.messages[3] as { tool_call_id?: string }).tool_call_id;
    const r = check(e);
    expect("record" in r && r.record.steps[3].message).toMatchObject({
      role: "tool",
      tool_call_id: "c1",
      name: "weather_get",
    });
  });

  it("takes a bare list of messages as one episode, and canonical records as they are", () => {
    const bare = checkConverted(0, convertRecord("json-messages", episode(3).messages));
    expect("record" in bare && bare.record.steps).toHaveLength(5);
    const canonical = { id: "c-1", steps: [{ message: { role: "user", content: "hi" } }], reward: 0.5 };
    const c = checkConverted(0, convertRecord("jsonl", canonical, { mapping: { reward: "nothing" } }));
    expect("record" in c && c.record).toMatchObject({ id: "c-1", reward: 0.5 });
  });

  it("says where the messages should be when the mapping misses them", () => {
    expect(check({ conversation: [] }, { messages: "messages" })).toMatchObject({
      errors: [{ path: "messages", message: expect.stringMatching(/map Messages to the field/) }],
    });
  });
});

describe("Inspect samples", () => {
  const info = inspectEvalInfo(inspectLog.eval);
  const convert = (i: number) =>
    checkConverted(i, convertRecord("inspect-log", inspectLog.samples[i], { inspect: info }));

  it("reads messages, tool calls and errors, scores, and the run's model", () => {
    const r = convert(1);
    if (!("record" in r)) throw new Error(JSON.stringify(r.errors));
    expect(r.record).toMatchObject({
      id: "inspect:sample-uuid-2",
      task: { id: "2", prompt: "Navigate to page 2 and summarize it.", taskSet: "browser" },
      policy: { model: "openai/gpt-4o-mini" },
      reward: 0,
      outcome: "fail",
      finalAnswer: "The AI Security Institute studies advanced AI risks.",
      scores: [{ criterion: "includes", value: 0, rationale: "found", judge: "includes" }],
      metadata: { source: "inspect", epoch: 1, target: "AISI", sample: { difficulty: "easy" } },
    });
    // the user's content came from the sample's attachments
    expect(r.record.steps[0].message.content).toBe("Navigate to page 2 and summarize it.");
    expect(r.record.steps[1].message).toMatchObject({
      tool_calls: [
        { id: "call_2", function: { name: "web_browser_go", arguments: '{"url":"https://www.aisi.gov.uk/"}' } },
      ],
    });
    expect(r.record.steps[2]).toMatchObject({
      message: { role: "tool", name: "web_browser_go" },
      error: "timeout: Command timed out",
    });
    expect(r.record.steps[3].message).toMatchObject({ reasoning_content: "The page names the institute." });
    expect(r.record.metadata).not.toHaveProperty("events");
    expect(convert(0)).toMatchObject({ record: { outcome: "pass", reward: 1 } });
  });

  it("names a sample without messages", () => {
    const r = checkConverted(0, convertRecord("inspect-log", { id: 3, epoch: 1 }, { inspect: info }));
    expect(r).toMatchObject({ errors: [{ path: "messages" }] });
  });
});
