import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { toolSnapshots } from "@/db/schema";
import { getServerRow } from "./get-toolspace";

/** A server's tool-list versions, newest first. */
export async function listSnapshots({
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
  await getServerRow(db, projectId, toolspaceId, serverId);
  const rows = await db
    .select({
      version: toolSnapshots.version,
      sha256: toolSnapshots.sha256,
      tools: sql<number>`jsonb_array_length(${toolSnapshots.tools})::int`,
      schemaTokens: toolSnapshots.schemaTokens,
      createdAt: toolSnapshots.createdAt,
    })
    .from(toolSnapshots)
    .where(eq(toolSnapshots.serverId, serverId))
    .orderBy(desc(toolSnapshots.version));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
