import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mcpServers, tools, toolspaces } from "@/db/schema";
import { schemaTokenSum } from "./schema-token-sum";

export async function listToolspaces({ db, projectId }: { db: DbOrTx; projectId: string }) {
  const rows = await db
    .select({
      space: toolspaces,
      // qualified by hand: drizzle leaves columns of a one-table select unqualified
      servers: sql<number>`(select count(*)::int from ${mcpServers} m where m.toolspace_id = toolspaces.id)`,
      tools: sql<number>`(select count(*)::int from ${tools} t where t.toolspace_id = toolspaces.id)`,
      schemaTokens: sql<
        number | null
      >`(select ${schemaTokenSum(sql`t.id`, sql`t.schema_tokens`)} from ${tools} t where t.toolspace_id = toolspaces.id)`,
    })
    .from(toolspaces)
    .where(eq(toolspaces.projectId, projectId))
    .orderBy(asc(toolspaces.createdAt));
  return rows.map(({ space: s, servers, tools: toolCount, schemaTokens }) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    source: s.source,
    servers,
    tools: toolCount,
    schemaTokens,
    createdAt: s.createdAt.toISOString(),
  }));
}
