// The demo project's rubrics: every MCP-Atlas task's claims and every tau2 airline task's
// evaluation criteria, each linked to its task when the project has it. Safe to run twice.
import type { DbOrTx } from "@/db/client";
import { importRubrics } from "./import-rubrics";

export async function importDemoRubrics({
  db,
  projectId,
  userId = null,
  mcpAtlasCsv,
  tau2TasksJson,
}: {
  db: DbOrTx;
  projectId: string;
  userId?: string | null;
  /** the text of sample_tasks.csv */
  mcpAtlasCsv: string;
  /** the text of tau2-bench's airline tasks.json */
  tau2TasksJson: string;
}) {
  const claims = await importRubrics({
    db,
    projectId,
    userId,
    input: { format: "mcp-atlas-claims", content: mcpAtlasCsv },
  });
  const tau2 = await importRubrics({
    db,
    projectId,
    userId,
    input: { format: "tau2", content: tau2TasksJson, name: "tau2 airline" },
  });
  return { claims, tau2 };
}
