import type { McpServer } from "@/db/schema";
import type { ServerRow } from "../schemas";

type Counts = { tools: number; schemaTokens: number | null };

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const keys = (v: unknown) => (v && typeof v === "object" ? Object.keys(v) : []);

/** What leaves the server about an mcp_servers row: env and header values stay behind (they hold tokens). */
export function toServerRow(row: McpServer, counts: Counts): ServerRow {
  const c = (row.config ?? {}) as Record<string, unknown>;
  const connection: ServerRow["connection"] =
    row.transport === "stdio"
      ? {
          transport: "stdio",
          command: String(c.command ?? ""),
          args: strings(c.args),
          cwd: typeof c.cwd === "string" ? c.cwd : null,
          envKeys: keys(c.env),
        }
      : row.transport === "http"
        ? { transport: "http", url: String(c.url ?? ""), headerNames: keys(c.headers) }
        : { transport: "offline", catalogueEntry: typeof c.catalogueEntry === "string" ? c.catalogueEntry : null };
  const h = row.health as { ok?: boolean; ms?: number; tools?: number | null; error?: string | null } | null;
  return {
    id: row.id,
    name: row.name,
    transport: row.transport,
    description: row.description,
    tools: counts.tools,
    schemaTokens: counts.schemaTokens,
    connection,
    snapshotVersion: row.snapshotVersion,
    health: h ? { ok: Boolean(h.ok), ms: Math.round(h.ms ?? 0), tools: h.tools ?? null, error: h.error ?? null } : null,
    checkedAt: row.checkedAt?.toISOString() ?? null,
  };
}
