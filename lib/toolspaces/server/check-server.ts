// "Check": connect, list the tools, record the health; a tool list unlike the newest snapshot is
// kept as the next version. A server that does not answer is recorded as failed, its tools stay.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mcpServers } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { serverConfigOfRow } from "@/lib/runtime/mcp/schemas";
import type { CheckResult } from "../schemas";
import { checkConnection } from "./check-connection";
import { getServerRow } from "./get-toolspace";
import { serverRowOf } from "./server-counts";
import { storeSnapshot } from "./store-snapshot";

export async function checkServer({
  db,
  projectId,
  toolspaceId,
  serverId,
}: {
  db: DbOrTx;
  projectId: string;
  toolspaceId: string;
  serverId: string;
}): Promise<CheckResult> {
  const server = await getServerRow(db, projectId, toolspaceId, serverId);
  if (server.transport === "offline")
    throw invalid(
      "serverId",
      `${server.name} is offline: it was imported from a catalogue file and has no command or URL to check. Register it as a stdio or HTTP server to call its tools.`,
    );
  const config = serverConfigOfRow(server);
  if (!config.ok) throw invalid("serverId", `${server.name} has a bad configuration: ${config.issues.join("; ")}`);
  const outcome = await checkConnection(config.config, server.name);
  const health = outcome.ok
    ? { ok: true, ms: Math.round(outcome.ms), tools: outcome.tools.length, error: null }
    : { ok: false, ms: Math.round(outcome.ms), tools: null, error: outcome.error };
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(mcpServers)
      .set({ health, checkedAt: new Date() })
      .where(eq(mcpServers.id, server.id))
      .returning();
    let changed = false;
    let row = updated;
    if (outcome.ok) {
      const stored = await storeSnapshot(tx, server, outcome.tools, outcome.snapshot);
      changed = stored.changed;
      row = { ...updated, snapshotVersion: stored.version };
    }
    return { server: await serverRowOf(tx, row), health, changed };
  });
}
