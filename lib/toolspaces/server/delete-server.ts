import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mcpServers } from "@/db/schema";
import { getServerRow } from "./get-toolspace";

/** Removes a server with its tools and snapshots; trajectories that used its tools keep their copies. */
export async function deleteServer({
  db,
  projectId,
  toolspaceId,
  serverId,
}: {
  db: DbOrTx;
  projectId: string;
  toolspaceId: string;
  serverId: string;
}) {
  const server = await getServerRow(db, projectId, toolspaceId, serverId);
  await db.delete(mcpServers).where(eq(mcpServers.id, server.id));
  return { id: server.id, deleted: true as const };
}
