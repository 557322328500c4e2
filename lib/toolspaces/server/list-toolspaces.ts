import { asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mcpServers, tools, toolspaces } from "@/db/schema";

export async function listToolspaces({ db, projectId }: { db: DbOrTx; projectId: string }) {
  const spaces = await db
    .select()
    .from(toolspaces)
    .where(eq(toolspaces.projectId, projectId))
    .orderBy(asc(toolspaces.createdAt));
  return Promise.all(
    spaces.map(async (s) => {
      const [[servers], [toolCount]] = await Promise.all([
        db.select({ n: count() }).from(mcpServers).where(eq(mcpServers.toolspaceId, s.id)),
        db.select({ n: count() }).from(tools).where(eq(tools.toolspaceId, s.id)),
      ]);
      return {
        id: s.id,
        name: s.name,
        description: s.description,
        source: s.source,
        servers: servers.n,
        tools: toolCount.n,
        createdAt: s.createdAt.toISOString(),
      };
    }),
  );
}
