// The ONNX judge runs a model these tests build: a BERT-style word-piece tokenizer and a graph whose logit is
// the sum of per-token weights over the attended tokens ("good" +2, "bad" -2, "fine" +0.5), so the
// score each input gets can be worked out by hand.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onnx } from "onnx-proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Criterion, criterion } from "@/lib/rubrics/model";
import { trajectoryRecord } from "@/lib/trajectories/format";
import { wordPieceTokenizer } from "@/test/onnx-fixtures";
import { onnxJudgeConfig } from "../schemas";
import { createOnnxJudge, onScale, toProbability } from "./onnx-judge";

const vocab: Record<string, number> = { "[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, good: 4, bad: 5, fine: 6 };
const weights = [0, 0, 0, 0, 2, -2, 0.5];

function modelBytes(): Uint8Array {
  const { DataType } = onnx.TensorProto;
  const input = (name: string) =>
    onnx.ValueInfoProto.create({
      name,
      type: {
        tensorType: { elemType: DataType.INT64, shape: { dim: [{ dimValue: 1 }, { dimParam: "seq" }] } },
      },
    });
  const graph = onnx.GraphProto.create({
    name: "sum-of-token-weights",
    input: [input("input_ids"), input("attention_mask")],
    output: [
      onnx.ValueInfoProto.create({
        name: "logits",
        type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimValue: 1 }, { dimValue: 1 }] } } },
      }),
    ],
    initializer: [
      onnx.TensorProto.create({ name: "W", dataType: DataType.FLOAT, dims: [weights.length], floatData: weights }),
      onnx.TensorProto.create({ name: "axis1", dataType: DataType.INT64, dims: [1], int64Data: [1] }),
    ],
    node: [
      onnx.NodeProto.create({ opType: "Gather", input: ["W", "input_ids"], output: ["w"] }),
      onnx.NodeProto.create({
        opType: "Cast",
        input: ["attention_mask"],
        output: ["mask"],
        attribute: [{ name: "to", type: onnx.AttributeProto.AttributeType.INT, i: DataType.FLOAT }],
      }),
      onnx.NodeProto.create({ opType: "Mul", input: ["w", "mask"], output: ["masked"] }),
      onnx.NodeProto.create({ opType: "ReduceSum", input: ["masked", "axis1"], output: ["logits"] }),
    ],
  });
  const model = onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: "", version: 13 }], graph });
  return onnx.ModelProto.encode(model).finish();
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "onnx-judge-"));
  writeFileSync(path.join(dir, "model.onnx"), modelBytes());
  writeFileSync(path.join(dir, "tokenizer.json"), JSON.stringify(wordPieceTokenizer(vocab)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const episode = (answer: string) =>
  trajectoryRecord.parse({
    steps: [{ message: { role: "user", content: "help" } }, { message: { role: "assistant", content: answer } }],
  });
const crit = (over: Partial<Criterion> = {}) =>
  criterion.parse({ id: "c", title: "Is the answer right?", weight: 1, verifier: { kind: "onnx" }, ...over });
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe("ONNX judge", () => {
  it("scores (criterion, evidence) pairs by what the model reads: two inputs, two predicted scores", async () => {
    const judge = createOnnxJudge(onnxJudgeConfig.parse({ modelDir: dir, output: "identity" }));
    const unit = crit({ scale: { kind: "unit" } });
    // "good" appears twice (final answer first, then the step): logit 4, clamped by identity to 1
    const good = await judge.judge({ criterion: unit, trajectory: episode("fine"), variables: {} });
    expect(good.error).toBeNull();
    // "fine" twice: 0.5 + 0.5
    expect(good.raw).toBeCloseTo(1, 5);
    const sig = createOnnxJudge(onnxJudgeConfig.parse({ modelDir: dir, output: "sigmoid" }));
    const a = await sig.judge({ criterion: unit, trajectory: episode("good"), variables: {} });
    const b = await sig.judge({ criterion: unit, trajectory: episode("bad answer"), variables: {} });
    expect(a.raw).toBeCloseTo(sigmoid(4), 5);
    expect(b.raw).toBeCloseTo(sigmoid(-4), 5);
    const binary = await sig.judge({ criterion: crit(), trajectory: episode("bad"), variables: {} });
    expect(binary.raw).toBe(0);
    expect(a.promptTokens).toBeGreaterThan(5);
  });

  it("reads the criterion too, with its template variables filled in", async () => {
    const judge = createOnnxJudge(onnxJudgeConfig.parse({ modelDir: dir }));
    const c = crit({ scale: { kind: "unit" }, instruction: "reference: {{task.reference}}" });
    const v = await judge.judge({
      criterion: c,
      trajectory: episode("ok"),
      variables: { referenceAnswer: "good good" },
    });
    expect(v.error).toBeNull();
    expect(v.raw).toBeCloseTo(sigmoid(4), 5);
  });

  it("truncates the pair to maxLength tokens", async () => {
    const long = `${"x ".repeat(40)}good`;
    const judge = createOnnxJudge(onnxJudgeConfig.parse({ modelDir: dir, maxLength: 16 }));
    const v = await judge.judge({
      criterion: crit({ scale: { kind: "unit" } }),
      trajectory: episode(long),
      variables: {},
    });
    expect(v.error).toBeNull();
    expect(v.promptTokens).toBe(16);
    expect(v.raw).toBeCloseTo(0.5, 5);
  });

  it("reports a missing model folder as an error, never a score", async () => {
    const judge = createOnnxJudge(onnxJudgeConfig.parse({ modelDir: path.join(dir, "nope") }));
    const v = await judge.judge({ criterion: crit(), trajectory: episode("good"), variables: {} });
    expect(v.raw).toBeNull();
    expect(v.error).toMatch(/model\.onnx does not exist/);
  });

  it("maps outputs onto scales", () => {
    expect(toProbability([0, Math.log(3)], "softmax-last")).toBeCloseTo(0.75, 10);
    expect(onScale(0.74, { kind: "ternary" })).toBe(0.5);
    expect(onScale(0.76, { kind: "ternary" })).toBe(1);
    expect(onScale(0.5, { kind: "bands", bands: [{ min: 1, max: 10, description: "q" }] })).toBe(6);
  });
});
