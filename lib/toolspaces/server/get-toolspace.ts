import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mcpServers, toolspaces } from "@/db/schema";
import { notFound } from "@/lib/errors";

export async function getToolspaceRow(db: DbOrTx, projectId: string, toolspaceId: string) {
  const [space] = await db
    .select()
    .from(toolspaces)
    .where(and(eq(toolspaces.id, toolspaceId), eq(toolspaces.projectId, projectId)));
  if (!space) throw notFound("The toolspace", "toolspaceId");
  return space;
}

/** A server of a toolspace of this project. */
export async function getServerRow(db: DbOrTx, projectId: string, toolspaceId: string, serverId: string) {
  await getToolspaceRow(db, projectId, toolspaceId);
  const [server] = await db
    .select()
    .from(mcpServers)
    .where(and(eq(mcpServers.id, serverId), eq(mcpServers.toolspaceId, toolspaceId)));
  if (!server) throw notFound("The server", "serverId");
  return server;
}
