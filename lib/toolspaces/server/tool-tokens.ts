import type { ToolDefinition } from "@/lib/runtime/mcp/schemas";
import { toolSchemaText } from "@/lib/trajectories/server/account-context";
import { getTokenizer } from "@/lib/trajectories/server/tokenizers";
import { SCHEMA_TOKENIZER } from "../schemas";

/**
 * A value with its object keys in the order PostgreSQL's jsonb keeps them (shorter keys first, then
 * by bytes). Tool schemas come back from the database in that order, and that is the text an episode
 * puts in context; counting the same order makes the stored count match it.
 */
export function jsonbOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(jsonbOrder) as T;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort((a, b) => {
      const x = Buffer.from(a);
      const y = Buffer.from(b);
      return x.length - y.length || Buffer.compare(x, y);
    });
    return Object.fromEntries(keys.map((k) => [k, jsonbOrder((value as Record<string, unknown>)[k])])) as T;
  }
  return value;
}

/** A tool's schema in tokens, counted on the text a trajectory puts in context for it, keys as given. */
export function toolSchemaTokens(tool: ToolDefinition): number {
  return getTokenizer(SCHEMA_TOKENIZER).count(toolSchemaText(tool));
}

/** The same count for the definition as it will be read back from the database. */
export function storedSchemaTokens(tool: ToolDefinition): number {
  return toolSchemaTokens({ ...tool, inputSchema: jsonbOrder(tool.inputSchema) });
}
