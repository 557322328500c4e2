import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { mcpServers, tools, toolspaces } from "@/db/schema";
import { escapeLike } from "@/lib/db-text";
import { notFound } from "@/lib/errors";
import type { toolListQuery } from "../schemas";

export async function listTools({
  db,
  projectId,
  toolspaceId,
  query,
}: {
  db: DbOrTx;
  projectId: string;
  toolspaceId: string;
  query: z.infer<typeof toolListQuery>;
}) {
  const [space] = await db
    .select({ id: toolspaces.id })
    .from(toolspaces)
    .where(and(eq(toolspaces.id, toolspaceId), eq(toolspaces.projectId, projectId)));
  if (!space) throw notFound("The toolspace", "toolspaceId");
  const where: SQL[] = [eq(tools.toolspaceId, toolspaceId)];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(tools.name, like), ilike(tools.description, like)) as SQL);
  }
  if (query.server) where.push(eq(mcpServers.name, query.server));
  const dir = query.sort.startsWith("-") ? desc : asc;
  const serverName = sql`lower(${mcpServers.name})`;
  const order = query.sort.endsWith("server") ? [dir(serverName), asc(tools.name)] : [dir(sql`lower(${tools.name})`)];
  const base = db
    .select()
    .from(tools)
    .innerJoin(mcpServers, eq(mcpServers.id, tools.serverId))
    .where(and(...where));
  const [rows, [total]] = await Promise.all([
    base
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: count() })
      .from(tools)
      .innerJoin(mcpServers, eq(mcpServers.id, tools.serverId))
      .where(and(...where)),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.tools.id,
      name: r.tools.name,
      server: r.mcp_servers.name,
      description: r.tools.description,
      schemaTokens: r.tools.schemaTokens,
    })),
    total: total.n,
  };
}
