import { asc, count, eq, getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mcpServers, tools } from "@/db/schema";
import { getToolspaceRow } from "./get-toolspace";
import { schemaTokenSum } from "./schema-token-sum";
import { toServerRow } from "./server-view";

/** A toolspace's servers with their tool counts, schema tokens and health, in name order regardless of case. */
export async function listServers({
  db,
  projectId,
  toolspaceId,
}: {
  db: DbOrTx;
  projectId: string;
  toolspaceId: string;
}) {
  await getToolspaceRow(db, projectId, toolspaceId);
  const rows = await db
    .select({
      server: getTableColumns(mcpServers),
      tools: count(tools.id),
      schemaTokens: schemaTokenSum(tools.id, tools.schemaTokens),
    })
    .from(mcpServers)
    .leftJoin(tools, eq(tools.serverId, mcpServers.id))
    .where(eq(mcpServers.toolspaceId, toolspaceId))
    .groupBy(mcpServers.id)
    .orderBy(asc(sql`lower(${mcpServers.name})`));
  return rows.map((r) => toServerRow(r.server, { tools: r.tools, schemaTokens: r.schemaTokens }));
}
