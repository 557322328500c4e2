import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { previewInput } from "../schemas";
import { episode, inspectLog, jsonl } from "../test-samples";
import { previewImport } from "./preview-import";

const preview = (filename: string, sample: string, extra: Record<string, unknown> = {}) =>
  previewImport(previewInput.parse({ filename, sample, ...extra }));

describe("previewImport", () => {
  it("previews the real MCP-Atlas file: 10 reference trajectories", async () => {
    const p = await preview("sample_tasks.csv", fs.readFileSync("db/seed/data/sample_tasks.csv", "utf8"));
    expect(p).toMatchObject({ format: "mcp-atlas-csv", shape: "mcp-atlas-row", mapping: null, fields: [] });
    expect(p.counts).toEqual({ records: 10, valid: 10, invalid: 0 });
    expect(p.records[0]).toMatchObject({
      line: 2,
      valid: true,
      id: "mcp-atlas:688ba1b3e95696e72dd93e8d:reference",
      steps: 11,
    });
    expect(p.records.map((r) => r.toolCalls)).toEqual(p.records.map((r) => (r.steps - 1) / 2));
  });

  it("previews JSONL episodes with the suggested mapping, and reports bad lines by number", async () => {
    const bad = episode(3);
    (bad.messages[1] as { role: string }).role = "wizard";
    const text = jsonl([episode(1), "", "{not json", episode(2), bad]);
    const p = await preview("rollouts.jsonl", text);
    expect(p.format).toBe("jsonl");
    expect(p.shape).toBe("episode");
    expect(p.mapping).toEqual(p.suggestedMapping);
    expect(p.mapping).toMatchObject({ taskId: "question_id", outcome: "verdict" });
    expect(p.counts).toEqual({ records: 4, valid: 2, invalid: 2 });
    expect(p.errors).toEqual([
      { index: 1, line: 3, errors: [{ path: "", message: expect.stringMatching(/^not valid JSON/) }] },
      { index: 3, line: 5, errors: [{ path: "messages.1.role", message: expect.any(String) }] },
    ]);
    expect(p.records[0]).toMatchObject({
      taskId: "q-1",
      outcome: "pass",
      reward: 1,
      steps: 5,
      toolCalls: 1,
      policy: "Qwen/Qwen3-4B",
    });
  });

  it("uses the mapping it is sent", async () => {
    const p = await preview("rollouts.jsonl", jsonl([episode(1)]), {
      mapping: { messages: "messages", taskId: "split" },
    });
    expect(p.records[0]).toMatchObject({ taskId: "train", id: null, outcome: null });
  });

  it("ignores the cut-off last record of a sample that is not the whole file", async () => {
    const text = jsonl([episode(1), episode(2), episode(3)]);
    const cut = text.slice(0, text.length - 40);
    const p = await preview("rollouts.jsonl", cut, { truncated: true });
    expect(p.counts).toEqual({ records: 2, valid: 2, invalid: 0 });
    const arr = JSON.stringify([episode(1), episode(2)], null, 2);
    const q = await preview("r.json", arr.slice(0, arr.length - 100), { truncated: true });
    expect(q).toMatchObject({ format: "json-array", counts: { records: 1, valid: 1, invalid: 0 } });
  });

  it("previews an Inspect log's samples with the run's model", async () => {
    const p = await preview("2025-05-12_browser.json", JSON.stringify(inspectLog, null, 2));
    expect(p).toMatchObject({ format: "inspect-log", shape: "inspect-sample", counts: { records: 2, valid: 2 } });
    expect(p.records[1]).toMatchObject({ id: "inspect:sample-uuid-2", policy: "openai/gpt-4o-mini", outcome: "fail" });
  });

  it("refuses a file it cannot read, naming the sample", async () => {
    await expect(preview("table.csv", "a,b\n1,2\n")).rejects.toMatchObject({ code: "VALIDATION", field: "sample" });
    await expect(preview("broken.json", '[{"messages": [}]')).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/malformed/),
    });
  });
});
