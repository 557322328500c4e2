// tau2-bench tasks (JSON list: id, user_scenario, evaluation_criteria, ...).
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { taskSets, tasks } from "@/db/schema";

const tau2Task = z.object({
  id: z.string(),
  description: z.unknown().optional(),
  user_scenario: z.object({
    persona: z.string().nullable().optional(),
    instructions: z.union([
      z.string(),
      z.object({
        task_instructions: z.string().nullable().optional(),
        domain: z.string().nullable().optional(),
        reason_for_call: z.string().nullable().optional(),
        known_info: z.string().nullable().optional(),
        unknown_info: z.string().nullable().optional(),
      }),
    ]),
  }),
  initial_state: z.unknown().optional(),
  evaluation_criteria: z
    .object({
      actions: z.array(z.unknown()).nullable().optional(),
      communicate_info: z.array(z.unknown()).nullable().optional(),
      nl_assertions: z.array(z.string()).nullable().optional(),
      reward_basis: z.array(z.string()).nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type Tau2Task = z.infer<typeof tau2Task>;

/** The user simulator's scenario as one prompt: what the simulated customer wants and knows. */
export function tau2Prompt(t: Tau2Task): string {
  const ins = t.user_scenario.instructions;
  if (typeof ins === "string") return ins;
  return [ins.reason_for_call, ins.known_info, ins.task_instructions].filter(Boolean).join("\n\n");
}

export function parseTau2Tasks(text: string): Tau2Task[] {
  const data = JSON.parse(text);
  return z.array(tau2Task).parse(data);
}

export async function importTau2Tasks({
  db,
  projectId,
  json,
  name = "tau2-bench airline",
}: {
  db: DbOrTx;
  projectId: string;
  json: string;
  name?: string;
}) {
  const parsed = parseTau2Tasks(json);
  const [set] = await db
    .insert(taskSets)
    .values({
      projectId,
      name,
      source: "tau2-bench",
      description:
        "Airline customer-service tasks: gold actions, information to communicate, natural-language assertions",
    })
    .returning();
  if (parsed.length)
    await db.insert(tasks).values(
      parsed.map((t) => ({
        projectId,
        taskSetId: set.id,
        externalId: t.id,
        prompt: tau2Prompt(t),
        reference: { evaluationCriteria: t.evaluation_criteria ?? null, initialState: t.initial_state ?? null },
        metadata: { description: t.description ?? null, userScenario: t.user_scenario },
      })),
    );
  return { taskSetId: set.id, tasks: parsed.length };
}
