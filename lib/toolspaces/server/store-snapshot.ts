import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type McpServer, mcpServers, toolSnapshots, tools } from "@/db/schema";
import type { ToolDefinition } from "@/lib/runtime/mcp/schemas";
import type { ToolSnapshot } from "@/lib/runtime/mcp/server/snapshot-tools";
import { storedSchemaTokens } from "./tool-tokens";

/**
 * Keeps a tool list the server answered: a list unlike the newest snapshot becomes the next version
 * and the server's current tools; the same list again adds nothing. Returns whether a version was added.
 */
export async function storeSnapshot(
  db: DbOrTx,
  server: Pick<McpServer, "id" | "toolspaceId">,
  listed: ToolDefinition[],
  snapshot: ToolSnapshot,
): Promise<{ changed: boolean; version: number }> {
  const [latest] = await db
    .select({ version: toolSnapshots.version, sha256: toolSnapshots.sha256 })
    .from(toolSnapshots)
    .where(eq(toolSnapshots.serverId, server.id))
    .orderBy(desc(toolSnapshots.version))
    .limit(1);
  if (latest?.sha256 === snapshot.sha256) return { changed: false, version: latest.version };
  const version = (latest?.version ?? 0) + 1;
  // a server may list one name twice; the first definition is the one a client would call
  const unique = [...new Map(listed.map((t) => [t.name, t])).values()].map((t) => ({
    ...t,
    schemaTokens: storedSchemaTokens(t),
  }));
  const counted = new Map(unique.map((t) => [t.name, t.schemaTokens]));
  const snapTools = snapshot.tools.map((t) => ({ ...t, schemaTokens: counted.get(t.name) ?? storedSchemaTokens(t) }));
  await db.insert(toolSnapshots).values({
    serverId: server.id,
    version,
    sha256: snapshot.sha256,
    tools: snapTools,
    schemaTokens: unique.reduce((s, t) => s + t.schemaTokens, 0),
  });
  await db.delete(tools).where(and(eq(tools.serverId, server.id)));
  if (unique.length)
    await db.insert(tools).values(
      unique.map((t) => ({
        toolspaceId: server.toolspaceId,
        serverId: server.id,
        name: t.name,
        description: t.description,
        inputSchema: t.inputSchema,
        schemaTokens: t.schemaTokens,
      })),
    );
  await db.update(mcpServers).set({ snapshotVersion: version }).where(eq(mcpServers.id, server.id));
  return { changed: true, version };
}
