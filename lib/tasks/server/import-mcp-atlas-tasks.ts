// MCP-Atlas sample tasks (CSV: TASK, ENABLED_TOOLS, PROMPT, TRAJECTORY, GTFA_CLAIMS).
import type { DbOrTx } from "@/db/client";
import { taskSets, tasks } from "@/db/schema";
import { parseMcpAtlasCsv } from "@/lib/imports/formats/mcp-atlas";

export async function importMcpAtlasTasks({
  db,
  projectId,
  csv,
  name = "MCP-Atlas sample",
}: {
  db: DbOrTx;
  projectId: string;
  csv: string;
  name?: string;
}) {
  const parsed = parseMcpAtlasCsv(csv);
  const [set] = await db
    .insert(taskSets)
    .values({
      projectId,
      name,
      source: "mcp-atlas",
      description: "Multi-server MCP tasks scored by atomic claims (1 / 0.5 / 0; pass at coverage >= 0.75)",
    })
    .returning();
  if (parsed.length)
    await db.insert(tasks).values(
      parsed.map((t) => ({
        projectId,
        taskSetId: set.id,
        externalId: t.externalId,
        prompt: t.prompt,
        reference: { claims: t.claims, referenceTrajectory: t.trajectory },
        metadata: { enabledTools: t.enabledTools },
      })),
    );
  return { taskSetId: set.id, tasks: parsed.length };
}
