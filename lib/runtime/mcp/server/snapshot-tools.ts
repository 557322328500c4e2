import { createHash } from "node:crypto";
import type { ToolDefinition } from "../schemas";
import type { ServerHandle } from "./connect-server";

export type ToolSnapshot = {
  tools: ToolDefinition[];
  /** Canonical JSON of `tools`: sorted by name, object keys sorted, no whitespace. */
  json: string;
  sha256: string;
};

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * A catalogue snapshot whose hash changes only when what a model would see changes: a server that lists
 * its tools in another order, or emits schema keys in another order, gives the same hash.
 */
export function snapshotOf(tools: ToolDefinition[]): ToolSnapshot {
  const sorted = [...tools]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((t) => canonical({ name: t.name, description: t.description, inputSchema: t.inputSchema }) as ToolDefinition);
  const json = JSON.stringify(sorted);
  return { tools: sorted, json, sha256: createHash("sha256").update(json).digest("hex") };
}

export async function snapshotTools(handle: Pick<ServerHandle, "listTools">): Promise<ToolSnapshot> {
  return snapshotOf(await handle.listTools());
}
