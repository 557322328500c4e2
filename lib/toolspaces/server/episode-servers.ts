// A toolspace as an episode sees it: how to start each server and the tools it listed when last
// snapshotted. Offline servers (imported catalogues) keep their tools for context and retrieval.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mcpServers, toolSnapshots, tools } from "@/db/schema";
import { invalid } from "@/lib/errors";
import type { EpisodeServer } from "@/lib/runtime/episode/types";
import { serverConfigOfRow } from "@/lib/runtime/mcp/schemas";
import type { ToolDefinition } from "@/lib/runtime/strategies/meta-tools";

type SnapshotTool = { name: string; description?: string; inputSchema?: Record<string, unknown> };

export async function episodeServersOf(db: DbOrTx, toolspaceId: string): Promise<EpisodeServer[]> {
  const servers = await db
    .select()
    .from(mcpServers)
    .where(eq(mcpServers.toolspaceId, toolspaceId))
    .orderBy(asc(sql`lower(${mcpServers.name})`), asc(mcpServers.name));
  if (!servers.length) return [];
  // a snapshot keeps the order the server listed its tools in; the tools table does not
  const snaps = await db
    .select({ serverId: toolSnapshots.serverId, version: toolSnapshots.version, tools: toolSnapshots.tools })
    .from(toolSnapshots)
    .where(
      inArray(
        toolSnapshots.serverId,
        servers.map((s) => s.id),
      ),
    );
  const snapOf = new Map(snaps.map((s) => [`${s.serverId}:${s.version}`, s.tools as SnapshotTool[]]));
  const rows = await db
    .select({
      serverId: tools.serverId,
      name: tools.name,
      description: tools.description,
      inputSchema: tools.inputSchema,
    })
    .from(tools)
    .where(and(eq(tools.toolspaceId, toolspaceId)))
    .orderBy(asc(tools.name));
  const tableTools = new Map<string, ToolDefinition[]>();
  for (const r of rows) {
    const list = tableTools.get(r.serverId) ?? [];
    list.push({
      name: r.name,
      description: r.description,
      inputSchema: (r.inputSchema ?? {}) as Record<string, unknown>,
    });
    tableTools.set(r.serverId, list);
  }
  return servers.map((s) => {
    const snap = s.snapshotVersion == null ? undefined : snapOf.get(`${s.id}:${s.snapshotVersion}`);
    const defs: ToolDefinition[] = snap
      ? snap.map((t) => ({ name: t.name, description: t.description ?? "", inputSchema: t.inputSchema ?? {} }))
      : (tableTools.get(s.id) ?? []);
    if (s.transport === "offline")
      return { name: s.name, description: s.description, connection: { transport: "offline" as const }, tools: defs };
    const config = serverConfigOfRow(s);
    if (!config.ok)
      throw invalid("toolspaceId", `server ${s.name} has a bad configuration: ${config.issues.join("; ")}`);
    return { name: s.name, description: s.description, connection: config.config, tools: defs };
  });
}
