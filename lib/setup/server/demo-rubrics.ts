// The demo project's rubrics: the MCP-Atlas claims and the tau2 airline criteria as published,
// and one rubric of program checks for the MCP-Atlas task set that the human reference
// trajectories are scored by on the first start (no model is needed for it).
import type PgBoss from "pg-boss";
import type { Db, DbOrTx } from "@/db/client";
import { startJudgingRun } from "@/lib/judging/server/start-judging-run";
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
}: {
  db: DbOrTx;
  projectId: string;
  userId: string;
  mcpAtlasCsv: string;
  tau2TasksJson: string;
  mcpAtlasTaskSetId: string;
}) {
  await importDemoRubrics({ db, projectId, userId, mcpAtlasCsv, tau2TasksJson });
  const { version } = await createRubric({ db, projectId, userId, input: programRubric(mcpAtlasTaskSetId) });
  return { programRubricVersionId: version.id };
}

/** Scores the demo trajectories by the program-check rubric: a judging run the worker does at once. */
export async function judgeDemoTrajectories({
  db,
  boss,
  projectId,
  userId,
  rubricVersionId,
  trajectoryIds,
}: {
  db: Db;
  boss: PgBoss;
  projectId: string;
  userId: string;
  rubricVersionId: string;
  trajectoryIds: string[];
}) {
  if (!trajectoryIds.length) return null;
  return startJudgingRun({
    db,
    boss,
    projectId,
    by: { userId, keyId: null },
    input: { rubricVersionId, trajectoryIds },
  });
}
