// Registering a server connects to it first: a server the studio cannot reach is refused with the
// reason, and nothing is saved. A reachable one is stored with its tool list as snapshot version 1.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mcpServers } from "@/db/schema";
import { AppError, conflict, invalid } from "@/lib/errors";
import { configIssues, serverConfig } from "@/lib/runtime/mcp/schemas";
import { type ServerInput, serverInput } from "../schemas";
import { checkConnection } from "./check-connection";
import { getToolspaceRow } from "./get-toolspace";
import { serverRowOf } from "./server-counts";
import { storeSnapshot } from "./store-snapshot";

/** The server could not be reached: the request was fine, the server was not (422). */
export class ServerUnreachable extends AppError {
  constructor(message: string) {
    super("VALIDATION", message, "config");
    this.name = "ServerUnreachable";
  }
}

export async function registerServer({
  db,
  projectId,
  toolspaceId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  toolspaceId: string;
  input: ServerInput;
}) {
  const { name, description, config: raw } = serverInput.parse(input);
  const parsed = serverConfig.safeParse(raw);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const field = `config${first.path.length ? `.${first.path.join(".")}` : ""}`;
    throw invalid(field, configIssues(parsed.error).join("; "));
  }
  const config = parsed.data;
  await getToolspaceRow(db, projectId, toolspaceId);
  const taken = async () =>
    (
      await db
        .select({ id: mcpServers.id })
        .from(mcpServers)
        .where(and(eq(mcpServers.toolspaceId, toolspaceId), eq(mcpServers.name, name)))
    ).length > 0;
  if (await taken()) throw conflict(`This toolspace already has a server named ${name}: choose another name`, "name");

  const outcome = await checkConnection(config, name);
  if (!outcome.ok) throw new ServerUnreachable(`Could not reach ${name}: ${outcome.error}. Nothing was saved.`);

  const { transport, ...rest } = config;
  return db.transaction(async (tx) => {
    const [server] = await tx
      .insert(mcpServers)
      .values({
        toolspaceId,
        name,
        transport,
        config: rest,
        description,
        health: { ok: true, ms: outcome.ms, tools: outcome.tools.length, error: null },
        checkedAt: new Date(),
      })
      .onConflictDoNothing()
      .returning();
    // registered by someone else while this one was connecting
    if (!server) throw conflict(`This toolspace already has a server named ${name}: choose another name`, "name");
    const { version } = await storeSnapshot(tx, server, outcome.tools, outcome.snapshot);
    return serverRowOf(tx, { ...server, snapshotVersion: version });
  });
}
