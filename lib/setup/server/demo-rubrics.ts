// The demo project's rubrics: the MCP-Atlas claims and the tau2 airline criteria as published,
// and one rubric of program checks for the MCP-Atlas task set that the human reference
// trajectories are scored by on the first start, as a finished judging run (no model needed).
import type { Db, DbOrTx } from "@/db/client";
import { judgeNow } from "@/lib/judging/server/judge-now";
import type { RubricInput } from "@/lib/rubrics/schemas";
import { importDemoRubrics } from "@/lib/rubrics/server/import-demo-rubrics";
import { createRubric } from "@/lib/rubrics/server/save-rubric";

export const DEMO_PROGRAM_RUBRIC = "MCP-Atlas tool use (program checks)";

const programRubric = (taskSetId: string): RubricInput => ({
  name: DEMO_PROGRAM_RUBRIC,
  taskSetId,
  version: {
    aggregation: { rule: "weighted-mean" },
    criteria: [
      {
        id: "answers",
        title: "Ends with a final answer",
        instruction: "The last assistant message answers the user in words.",
        category: "Task Fulfillment",
        weight: 2,
        verifier: { kind: "program", check: { check: "final-answer-regex", pattern: "\\w{3,}" } },
      },
      {
        id: "no-tool-errors",
        title: "No tool call failed",
        instruction: "Every tool result came back without an error.",
        category: "Tool Grounding",
        weight: 1,
        verifier: { kind: "program", check: { check: "no-tool-errors" } },
      },
      {
        id: "within-30-turns",
        title: "Finishes within 30 turns",
        instruction: "The episode takes at most 30 assistant turns.",
        category: "Tool Appropriateness",
        weight: 1,
        verifier: { kind: "program", check: { check: "max-turns", max: 30 } },
      },
      {
        id: "context-under-8k",
        title: "Context stays under 8k tokens",
        instruction: "The context window never holds more than 8,000 tokens, the window of a small local agent.",
        category: "Tool Appropriateness",
        weight: 1,
        verifier: { kind: "program", check: { check: "max-context-tokens", max: 8000 } },
      },
    ],
  },
});

export async function seedDemoRubrics({
  db,
  projectId,
  userId,
  mcpAtlasCsv,
  tau2TasksJson,
  mcpAtlasTaskSetId,
  trajectoryIds,
}: {
  db: DbOrTx;
  projectId: string;
  userId: string;
  mcpAtlasCsv: string;
  tau2TasksJson: string;
  mcpAtlasTaskSetId: string;
  /** the reference trajectories, scored by the program-check rubric as a finished judging run */
  trajectoryIds: string[];
}) {
  await importDemoRubrics({ db, projectId, userId, mcpAtlasCsv, tau2TasksJson });
  const { version } = await createRubric({ db, projectId, userId, input: programRubric(mcpAtlasTaskSetId) });
  // inside the first start's transaction: the demo exists with its scores, or not at all
  const run = await judgeNow({ db: db as Db, projectId, rubricVersionId: version.id, trajectoryIds, userId });
  return { programRubricVersionId: version.id, judgingRunId: run.id };
}
