// Judge configurations, what the judges screen sends, and what it gets back. Safe for the browser.
// A model judge's API key is write-only: it is stored with the judge and never leaves the server;
// views say only whether one is stored (`hasApiKey`).
import { z } from "zod";
import { endpointBaseUrl } from "@/lib/http/base-url";

export const judgeKinds = ["model", "onnx"] as const;
export type JudgeKind = (typeof judgeKinds)[number];

/** How the judge is asked for JSON: `json_schema` (vLLM, SGLang, OpenAI), `json_object` (Ollama, llama.cpp), or `none` (parse the first JSON object in the text). */
export const responseFormats = ["json_schema", "json_object", "none"] as const;

const modelSettings = {
  baseUrl: endpointBaseUrl,
  model: z.string().trim().min(1, "name the model as the endpoint knows it, e.g. Qwen/Qwen3-8B"),
  temperature: z.number().min(0, "temperature is 0 to 2").max(2, "temperature is 0 to 2").default(0),
  /** answers asked per criterion; combined by `combine` */
  samples: z
    .number()
    .int("samples is a whole number")
    .min(1, "ask for at least 1 sample")
    .max(16, "at most 16 samples")
    .default(1),
  /** majority: the most common answer, a tie goes to the lower score; mean: the mean of the answers */
  combine: z.enum(["majority", "mean"], "combine is 'majority' or 'mean'").default("majority"),
  timeoutMs: z
    .number()
    .int("timeoutMs is whole milliseconds")
    .min(100, "allow at least 100 ms per request")
    .max(600_000, "at most 600000 ms (10 minutes) per request")
    .default(60_000),
  maxRetries: z.number().int("maxRetries is a whole number").min(0).max(10, "at most 10 retries").default(3),
  /** requests this judge keeps in flight at once */
  concurrency: z
    .number()
    .int("concurrency is a whole number")
    .min(1, "concurrency is at least 1")
    .max(256, "at most 256 requests at once")
    .default(8),
  /** a tool output or message longer than this keeps its first 2/3 and last 1/3 of this many characters */
  maxOutputChars: z
    .number()
    .int("maxOutputChars is a whole number")
    .min(100, "keep at least 100 characters of each output")
    .max(100_000, "at most 100000 characters per output")
    .default(2000),
  responseFormat: z.enum(responseFormats, "responseFormat is json_schema, json_object or none").default("json_schema"),
  /** replaces the default instructions; placeholders: {{criterion}}, {{scale}}, {{trajectory}}, {{task.prompt}}, {{task.reference}}, {{task.claims}} */
  promptTemplate: z
    .string()
    .max(20_000, "keep the prompt template under 20000 characters")
    .nullish()
    .transform((s) => (s?.trim() ? s : null)),
};

/** What is stored: the settings and the API key. */
export const modelJudgeConfig = z.object({
  ...modelSettings,
  apiKey: z
    .string()
    .trim()
    .max(4096, "the API key is too long")
    .nullish()
    // left out (undefined) means "keep the stored key" on update; null or "" means "no key"
    .transform((s) => (s === undefined ? undefined : s || null)),
});
export type ModelJudgeConfig = z.output<typeof modelJudgeConfig>;
export const modelJudgeConfigView = z.object(modelSettings);
export type ModelJudgeConfigView = z.output<typeof modelJudgeConfigView>;

/** How the model's output becomes a score in [0, 1]. */
export const onnxOutputs = ["sigmoid", "softmax-last", "identity"] as const;

export const onnxJudgeConfig = z.object({
  /** a folder on the studio's host holding model.onnx and tokenizer.json */
  modelDir: z
    .string()
    .trim()
    .min(1, "give the folder that holds model.onnx and tokenizer.json, e.g. /models/judge-xenc"),
  maxLength: z
    .number()
    .int("maxLength is a whole number of tokens")
    .min(8, "maxLength is at least 8 tokens")
    .max(8192, "at most 8192 tokens")
    .default(512),
  /** sigmoid of the first logit, softmax's last class, or the output as it is (clamped to [0, 1]) */
  output: z.enum(onnxOutputs, "output is sigmoid, softmax-last or identity").default("sigmoid"),
  /** a rendered output longer than this keeps its first 2/3 and last 1/3 of this many characters */
  maxOutputChars: z.number().int().min(100).max(100_000).default(1000),
});
export type OnnxJudgeConfig = z.output<typeof onnxJudgeConfig>;

const name = z
  .string()
  .trim()
  .min(1, "give the judge a name, e.g. 'Qwen3-8B on vLLM'")
  .max(100, "at most 100 characters");

export const judgeInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ name, kind: z.literal("model"), config: modelJudgeConfig }),
    z.object({ name, kind: z.literal("onnx"), config: onnxJudgeConfig }),
  ],
  "kind is 'model' or 'onnx' (program checks need no judge)",
);
export type JudgeInput = z.input<typeof judgeInput>;
export type JudgeConfig = ModelJudgeConfig | OnnxJudgeConfig;

/**
 * An update replaces name and configuration. For a model judge, leaving `config.apiKey` out keeps the
 * stored key; `null` or "" removes it; a string replaces it.
 */
export const judgeUpdate = judgeInput;
export type JudgeUpdate = z.input<typeof judgeUpdate>;

const viewBase = {
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  /** sha256 of the configuration without the API key: the judging cache's judge key */
  key: z.string(),
  createdAt: z.string(),
};

export const judgeView = z.discriminatedUnion("kind", [
  z.object({ ...viewBase, kind: z.literal("model"), config: modelJudgeConfigView, hasApiKey: z.boolean() }),
  z.object({ ...viewBase, kind: z.literal("onnx"), config: onnxJudgeConfig, hasApiKey: z.literal(false) }),
]);
export type JudgeView = z.output<typeof judgeView>;

/** One small judgment sent to check that a judge answers. */
export const judgeTestResult = z.object({
  ok: z.boolean(),
  latencyMs: z.number(),
  raw: z.number().nullable(),
  rationale: z.string().nullable(),
  error: z.string().nullable(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
});
export type JudgeTestResult = z.output<typeof judgeTestResult>;
