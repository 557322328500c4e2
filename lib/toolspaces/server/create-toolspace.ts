import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { toolspaces } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { type ToolspaceInput, toolspaceInput } from "../schemas";

/** An empty toolspace: servers are registered into it one by one. */
export async function createToolspace({
  db,
  projectId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  input: ToolspaceInput;
}) {
  const { name, description } = toolspaceInput.parse(input);
  const [dup] = await db
    .select({ id: toolspaces.id })
    .from(toolspaces)
    .where(and(eq(toolspaces.projectId, projectId), eq(toolspaces.name, name)));
  if (dup) throw conflict(`A toolspace named ${name} exists already: choose another name`, "name");
  const [row] = await db.insert(toolspaces).values({ projectId, name, description }).returning();
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    source: row.source,
    servers: 0,
    tools: 0,
    schemaTokens: 0,
    createdAt: row.createdAt.toISOString(),
  };
}
