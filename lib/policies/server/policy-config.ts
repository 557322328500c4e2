import type { Policy } from "@/db/schema";
import type { PolicyConfig } from "@/lib/runtime/episode/types";
import { policyStoredConfig } from "../schemas";

/** The episode's view of a policies row, API key included: server-side only. */
export function policyConfigOf(row: Pick<Policy, "name" | "baseUrl" | "model" | "config">): PolicyConfig {
  const c = policyStoredConfig.parse(row.config ?? {});
  return {
    name: row.name,
    baseUrl: row.baseUrl,
    model: row.model,
    apiKey: c.apiKey,
    temperature: c.temperature,
    maxTokens: c.maxTokens,
    contextWindow: c.contextWindow,
    tokenizer: c.tokenizer,
    timeoutMs: c.timeoutMs,
  };
}
