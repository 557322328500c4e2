import { and, asc, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mcpServers, tools, toolspaces } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { schemaTokenSum } from "./schema-token-sum";

/** A toolspace's servers with their tool counts and schema tokens, in name order regardless of case. */
export async function listServers({
  db,
  projectId,
  toolspaceId,
}: {
  db: DbOrTx;
  projectId: string;
  toolspaceId: string;
}) {
  const [space] = await db
    .select({ id: toolspaces.id })
    .from(toolspaces)
    .where(and(eq(toolspaces.id, toolspaceId), eq(toolspaces.projectId, projectId)));
  if (!space) throw notFound("The toolspace", "toolspaceId");
  const rows = await db
    .select({
      id: mcpServers.id,
      name: mcpServers.name,
      transport: mcpServers.transport,
      tools: count(tools.id),
      schemaTokens: schemaTokenSum(tools.id, tools.schemaTokens),
    })
    .from(mcpServers)
    .leftJoin(tools, eq(tools.serverId, mcpServers.id))
    .where(eq(mcpServers.toolspaceId, toolspaceId))
    .groupBy(mcpServers.id)
    .orderBy(asc(sql`lower(${mcpServers.name})`));
  return rows;
}
