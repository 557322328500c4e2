// Policies: OpenAI-compatible chat endpoints with tool calling that benchmark runs send episodes to.
// Safe for the browser. The API key is write-only: stored with the policy, never in a view
// (`hasApiKey` says whether one is stored).
import { z } from "zod";
import { endpointBaseUrl } from "@/lib/http/base-url";

export const policyTokenizers = ["qwen3", "o200k_base"] as const;

const settings = {
  temperature: z.number().min(0, "temperature is 0 to 2").max(2, "temperature is 0 to 2").default(0.6),
  maxTokens: z
    .number()
    .int("maxTokens is a whole number of tokens")
    .min(1, "maxTokens is at least 1")
    .max(1_000_000, "at most 1000000 tokens per answer")
    .default(2048),
  contextWindow: z
    .number()
    .int("contextWindow is a whole number of tokens")
    .min(512, "contextWindow is at least 512 tokens")
    .max(10_000_000, "at most 10000000 tokens")
    .default(32_768),
  /** qwen3 counts exactly for Qwen3 models; o200k_base approximates others */
  tokenizer: z
    .enum(policyTokenizers, "tokenizer is qwen3 (exact for Qwen3) or o200k_base (approximate)")
    .default("qwen3"),
  timeoutMs: z
    .number()
    .int("timeoutMs is whole milliseconds")
    .min(100, "allow at least 100 ms per request")
    .max(600_000, "at most 600000 ms (10 minutes) per request")
    .default(120_000),
};

/** What is stored in policies.config. */
export const policyStoredConfig = z.object({
  ...settings,
  apiKey: z
    .string()
    .nullish()
    .transform((s) => s || null),
});
export type PolicyStoredConfig = z.output<typeof policyStoredConfig>;
export const policySettings = z.object(settings);
export type PolicySettings = z.output<typeof policySettings>;

const name = z
  .string({ error: "name is required, e.g. 'Qwen3-4B on vLLM'" })
  .trim()
  .min(1, "give the policy a name, e.g. 'Qwen3-4B on vLLM'")
  .max(100, "at most 100 characters");

/**
 * Create and update send the same body. On update, leaving `apiKey` out keeps the stored key;
 * null or "" removes it; a string replaces it.
 */
export const policyInput = z.object({
  name,
  baseUrl: endpointBaseUrl,
  model: z
    .string({ error: "model is required: the model as the endpoint knows it, e.g. Qwen/Qwen3-4B" })
    .trim()
    .min(1, "name the model as the endpoint knows it, e.g. Qwen/Qwen3-4B"),
  ...settings,
  apiKey: z
    .string()
    .trim()
    .max(4096, "the API key is too long")
    .nullish()
    .transform((s) => (s === undefined ? undefined : s || null)),
});
export type PolicyInput = z.input<typeof policyInput>;

export const policyView = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  model: z.string(),
  ...settings,
  hasApiKey: z.boolean(),
  createdAt: z.string(),
});
export type PolicyView = z.output<typeof policyView>;
export const policyList = z.object({ items: z.array(policyView) });

/** One small chat with one tiny tool, sent to check that the endpoint answers and calls tools. */
export const policyTestResult = z.object({
  ok: z.boolean(),
  latencyMs: z.number(),
  /** the model answered with a tool call (what an agent policy must do) */
  toolCall: z.boolean(),
  /** the tool call's name and arguments, or the text answer, shortened */
  answer: z.string().nullable(),
  error: z.string().nullable(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
});
export type PolicyTestResult = z.output<typeof policyTestResult>;
