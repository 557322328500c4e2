// What a rubric template may read from the trajectory's task: its prompt, its reference answer
// and its claims. Task references are open shapes (they depend on the benchmark), so each value
// is looked for under the names the importers write.
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { tasks } from "@/db/schema";
import type { TemplateVariables } from "@/lib/judges/server/types";
import type { TrajectoryRecord } from "@/lib/trajectories/format";

export type TaskFacts = { prompt: string; reference: unknown };

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);
const texts = (v: unknown) =>
  Array.isArray(v) && v.length && v.every((x) => typeof x === "string") ? (v as string[]) : null;

export function variablesOf(task: TaskFacts | null, record: TrajectoryRecord): TemplateVariables {
  const ref = (task?.reference && typeof task.reference === "object" ? task.reference : {}) as Record<string, unknown>;
  const tau2 = (ref.evaluationCriteria ?? {}) as Record<string, unknown> | null;
  return {
    taskPrompt: text(task?.prompt) ?? text(record.task?.prompt) ?? null,
    referenceAnswer:
      text(ref.answer) ??
      text(ref.referenceAnswer) ??
      text(ref.expectedAnswer) ??
      text(ref.finalAnswer) ??
      text(ref.expected) ??
      null,
    // MCP-Atlas keeps claims on the task, and on the reference episodes it imports
    claims: texts(ref.claims) ?? texts(tau2?.nl_assertions) ?? texts(record.metadata?.claims) ?? null,
  };
}

/** The project's tasks by their benchmark id, for records that name a task but are not stored. */
export async function tasksByRef(db: DbOrTx, projectId: string, refs: (string | undefined)[]) {
  const wanted = [...new Set(refs.filter((r): r is string => !!r))];
  const map = new Map<string, TaskFacts>();
  if (!wanted.length) return map;
  const rows = await db
    .select({ externalId: tasks.externalId, prompt: tasks.prompt, reference: tasks.reference })
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), inArray(tasks.externalId, wanted)))
    .orderBy(tasks.createdAt);
  for (const r of rows) if (!map.has(r.externalId)) map.set(r.externalId, r);
  return map;
}
