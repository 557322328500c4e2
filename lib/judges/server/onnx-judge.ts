// A local ONNX model as a judge, e.g. a cross-encoder: it reads (criterion, evidence) as a text pair
// and gives one number. docs/onnx-judges.md says how to export one and what the folder holds.

import { feedsFor, loadOnnxFolder } from "@/lib/onnx/server/onnx-folder";
import type { Scale } from "@/lib/rubrics/model";
import { contentText } from "@/lib/trajectories/format";
import { criterionText, renderTrajectory } from "../prompt";
import type { OnnxJudgeConfig } from "../schemas";
import { judgeKey } from "./judge-key";
import type { CriterionJudge, JudgeRequest, JudgeVerdict } from "./types";

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
        const folder = await loadOnnxFolder(config.modelDir);
        const enc = folder.tokenizer._call(criterionText(req.criterion, req.variables), {
          text_pair: evidenceText(req, config.maxOutputChars),
          truncation: true,
          max_length: config.maxLength,
          return_tensor: false,
          return_token_type_ids: true,
        });
        const n = enc.input_ids.length;
        const feeds = feedsFor(folder, enc, "an ONNX judge");
        const session = folder.session;
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
