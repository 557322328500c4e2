// MCP-Atlas sample tasks (CSV: TASK, ENABLED_TOOLS, PROMPT, TRAJECTORY, GTFA_CLAIMS).
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { taskSets, tasks } from "@/db/schema";

const row = z.object({
  TASK: z.string().min(1),
  ENABLED_TOOLS: z.string(),
  PROMPT: z.string().min(1),
  TRAJECTORY: z.string(),
  GTFA_CLAIMS: z.string(),
});

export type McpAtlasTask = {
  externalId: string;
  prompt: string;
  enabledTools: string[];
  claims: string[];
  trajectory: unknown[];
};

export function parseMcpAtlasCsv(text: string): McpAtlasTask[] {
  const records = parse(text, { columns: true, skip_empty_lines: true }) as unknown[];
  return records.map((r, i) => {
    const parsed = row.safeParse(r);
    if (!parsed.success)
      throw new Error(`Row ${i + 2}: ${parsed.error.issues[0].path.join(".")} ${parsed.error.issues[0].message}`);
    const json = (field: keyof typeof parsed.data) => {
      try {
        return JSON.parse(parsed.data[field]);
      } catch {
        throw new Error(`Row ${i + 2}: ${field} is not valid JSON`);
      }
    };
    return {
      externalId: parsed.data.TASK,
      prompt: parsed.data.PROMPT,
      enabledTools: z.array(z.string()).parse(json("ENABLED_TOOLS")),
      claims: z.array(z.string()).parse(json("GTFA_CLAIMS")),
      trajectory: z.array(z.unknown()).parse(json("TRAJECTORY")),
    };
  });
}

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
