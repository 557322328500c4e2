// The rubric model: criteria with a scale and a weight, and the rules that aggregate criterion
// scores into one reward. Safe for the browser (the editor previews aggregation live).
import { z } from "zod";
import { programCheck } from "./program-checks";

export const atlasCategories = ["Task Fulfillment", "Tool Appropriateness", "Tool Grounding", "Parameter Accuracy"];
export const priorityCategories = ["Essential", "Important", "Optional", "Pitfall"];

export const scale = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("binary") }),
  /** 1 / 0.5 / 0, as MCP-Atlas scores its claims */
  z.object({ kind: z.literal("ternary") }),
  z.object({ kind: z.literal("unit") }),
  z.object({
    kind: z.literal("bands"),
    bands: z
      .array(z.object({ min: z.number().int(), max: z.number().int(), description: z.string().min(1) }))
      .min(1, "a banded scale needs at least one band, e.g. 1-3 poor, 4-7 fair, 8-10 good"),
  }),
]);
export type Scale = z.infer<typeof scale>;

/** Who scores a criterion: a program check, a model judge, or a local ONNX model. */
export const verifier = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("program"), check: programCheck }),
  z.object({ kind: z.literal("model") }),
  z.object({ kind: z.literal("onnx") }),
]);
export type Verifier = z.infer<typeof verifier>;

export const criterion = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-_]{0,63}$/, "an id is lowercase letters, digits, - and _ (up to 64), e.g. answer-correct"),
  title: z.string().trim().min(1, "give the criterion a title"),
  instruction: z.string().default(""),
  category: z.string().default(""),
  /** negative for pitfalls: a pitfall that happened (score 1) takes its weight off the reward */
  weight: z
    .number()
    .finite()
    .refine((w) => w !== 0, "a weight of 0 never counts: remove the criterion instead"),
  scale: scale.default({ kind: "binary" }),
  verifier: verifier.default({ kind: "model" }),
});
export type Criterion = z.infer<typeof criterion>;

export const aggregation = z.discriminatedUnion("rule", [
  z.object({ rule: z.literal("weighted-mean") }),
  z.object({ rule: z.literal("category-weighted"), weights: z.record(z.string(), z.number().positive()) }),
  /** a failed criterion of the essential category gives 0 */
  z.object({ rule: z.literal("essential-gate"), category: z.string().default("Essential") }),
  /** the weighted mean is the coverage; the episode passes at the threshold */
  z.object({ rule: z.literal("coverage-pass"), threshold: z.number().min(0).max(1).default(0.75) }),
  /** one criterion judges the whole episode */
  z.object({ rule: z.literal("holistic"), criterionId: z.string() }),
]);
export type Aggregation = z.infer<typeof aggregation>;

/** A criterion's raw score in [0, 1]: bands map their whole range onto it. */
export function normalize(s: Scale, raw: number): number {
  if (s.kind !== "bands") return Math.min(1, Math.max(0, raw));
  const lo = Math.min(...s.bands.map((b) => b.min));
  const hi = Math.max(...s.bands.map((b) => b.max));
  return hi === lo ? 1 : Math.min(1, Math.max(0, (raw - lo) / (hi - lo)));
}
