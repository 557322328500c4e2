import { count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type McpServer, tools } from "@/db/schema";
import type { ServerRow } from "../schemas";
import { schemaTokenSum } from "./schema-token-sum";
import { toServerRow } from "./server-view";

/** One server's view with its current tool count and schema tokens. */
export async function serverRowOf(db: DbOrTx, server: McpServer): Promise<ServerRow> {
  const [c] = await db
    .select({ tools: count(tools.id), schemaTokens: schemaTokenSum(tools.id, tools.schemaTokens) })
    .from(tools)
    .where(eq(tools.serverId, server.id));
  return toServerRow(server, { tools: c?.tools ?? 0, schemaTokens: c?.schemaTokens ?? 0 });
}
