// Offline tool catalogues in the LiveMCPBench format: their schemas count for context and
// retrieval; the servers themselves are not started. Each tool's schema is counted once here,
// with the text and tokenizer trajectories without a Qwen3 policy are accounted with.
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { mcpServers, tools, toolspaces } from "@/db/schema";
import { toolSchemaTokens } from "./tool-tokens";

const catalogueEntry = z.object({
  name: z.string(),
  description: z.string().optional().default(""),
  category: z.string().optional(),
  config: z.unknown().optional(),
  tools: z.record(
    z.string(),
    z.object({
      tools: z.array(
        z.object({
          name: z.string(),
          description: z.string().nullable().optional(),
          inputSchema: z.unknown().optional(),
        }),
      ),
    }),
  ),
});

export function parseCatalogue(text: string) {
  return z.array(catalogueEntry).parse(JSON.parse(text));
}

export async function importCatalogue({
  db,
  projectId,
  json,
  name,
  source,
}: {
  db: DbOrTx;
  projectId: string;
  json: string;
  name: string;
  source?: string;
}) {
  const entries = parseCatalogue(json);
  const [space] = await db
    .insert(toolspaces)
    .values({
      projectId,
      name,
      source: source ?? null,
      description: "Offline catalogue: schemas only, servers not reachable",
    })
    .returning();
  let toolCount = 0;
  for (const entry of entries) {
    for (const [serverName, server] of Object.entries(entry.tools)) {
      const [srv] = await db
        .insert(mcpServers)
        .values({
          toolspaceId: space.id,
          name: serverName,
          transport: "offline",
          description: entry.description,
          config: { catalogueEntry: entry.name, category: entry.category ?? null, config: entry.config ?? null },
        })
        .onConflictDoNothing()
        .returning();
      if (!srv || !server.tools.length) continue;
      const unique = [...new Map(server.tools.map((t) => [t.name, t])).values()];
      await db.insert(tools).values(
        unique.map((t) => {
          const description = t.description ?? "";
          const inputSchema = (t.inputSchema ?? {}) as object;
          return {
            toolspaceId: space.id,
            serverId: srv.id,
            name: t.name,
            description,
            inputSchema,
            schemaTokens: toolSchemaTokens({
              name: t.name,
              description,
              inputSchema: inputSchema as Record<string, unknown>,
            }),
          };
        }),
      );
      toolCount += unique.length;
    }
  }
  return { toolspaceId: space.id, servers: entries.length, tools: toolCount };
}
