// An offline task's rubric: its claims for a model judge and its program checks. Claims weigh
// twice a check. Aggregation is coverage-pass at 0.75 because aggregate() leaves a criterion
// that was not judged out of the mean: with no judge configured the program checks alone give
// the reward and the pass, and the claims show as not judged; with a judge, both count.
import type { ProgramCheck } from "@/lib/rubrics/program-checks";
import type { RubricInput } from "@/lib/rubrics/schemas";
import type { OfflineTask } from "./task-file";

export const CLAIM_WEIGHT = 2;
export const CHECK_WEIGHT = 1;
export const PASS_THRESHOLD = 0.75;

const json = (v: unknown) => JSON.stringify(v);

/** The check in words, as the rubric editor lists it. */
export function checkTitle(c: ProgramCheck): string {
  switch (c.check) {
    case "tool-called":
      return `Calls ${c.tool}${c.min > 1 ? ` at least ${c.min} times` : ""}${c.max !== undefined ? ` at most ${c.max} times` : ""}`;
    case "tool-arguments":
      return c.match === "regex"
        ? `Calls ${c.tool} with arguments matching /${c.value}/`
        : `Calls ${c.tool} with arguments ${c.match === "equals" ? "equal to" : "including"} ${json(c.value)}`;
    case "tool-order":
      return `Calls ${c.tools.join(", then ")}`;
    case "final-answer-contains":
      return `Final answer mentions "${c.text}"`;
    case "final-answer-regex":
      return `Final answer matches /${c.pattern}/`;
    case "final-answer-json-schema":
      return "Final answer holds JSON of the expected shape";
    case "final-answer-number":
      return `Final answer states ${c.value}${c.tolerance ? ` (±${c.tolerance})` : ""}`;
    case "no-tool-errors":
      return "No tool call failed";
    case "max-turns":
      return `Finishes within ${c.max} turns`;
    case "max-context-tokens":
      return `Context stays under ${c.max} tokens`;
    case "max-unused-tools":
      return `Loads at most ${c.max} tools it never uses`;
  }
}

const checkCategory = (c: ProgramCheck) =>
  c.check.startsWith("final-answer")
    ? "Task Fulfillment"
    : c.check === "tool-arguments"
      ? "Parameter Accuracy"
      : c.check === "no-tool-errors"
        ? "Tool Grounding"
        : "Tool Appropriateness";

export function taskRubric(task: OfflineTask, taskId?: string): RubricInput {
  return {
    name: `${task.id} rubric`,
    taskId,
    version: {
      aggregation: { rule: "coverage-pass", threshold: PASS_THRESHOLD },
      criteria: [
        ...task.claims.map((claim, i) => ({
          id: `claim-${i + 1}`,
          title: claim,
          instruction: `Judge from the final answer and the tool results. Reference answer: ${task.referenceAnswer}`,
          category: "Task Fulfillment",
          weight: CLAIM_WEIGHT,
          scale: { kind: "ternary" as const },
          verifier: { kind: "model" as const },
        })),
        ...task.checks.map((check, i) => ({
          id: `check-${i + 1}`,
          title: checkTitle(check),
          category: checkCategory(check),
          weight: CHECK_WEIGHT,
          verifier: { kind: "program" as const, check },
        })),
      ],
    },
  };
}
