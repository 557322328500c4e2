// Stored episodes as the engine judges them: the canonical record (through the exporter's own
// converter), the stored content hash (the cache key ingest wrote) and the task's variables.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { tasks, trajectories, trajectorySteps } from "@/db/schema";
import type { TemplateVariables } from "@/lib/judges/server/types";
import { type TrajectoryRecord, trajectoryRecord } from "@/lib/trajectories/format";
import { toRecord } from "@/lib/trajectories/server/export-trajectories";
import { variablesOf } from "./task-variables";

export type JudgeItem = { contentHash: string; record: TrajectoryRecord; variables: TemplateVariables };
export type StoredItem = JudgeItem & {
  trajectoryId: string;
  taskRef: string | null;
  summary: string | null;
  policy: string | null;
};

/** In the order of `ids`; ids not in the project are left out. */
export async function loadTrajectories(db: DbOrTx, projectId: string, ids: string[]): Promise<StoredItem[]> {
  if (!ids.length) return [];
  const [rows, steps] = await Promise.all([
    db
      .select({ t: trajectories, prompt: tasks.prompt, reference: tasks.reference })
      .from(trajectories)
      .leftJoin(tasks, eq(tasks.id, trajectories.taskId))
      .where(and(eq(trajectories.projectId, projectId), inArray(trajectories.id, ids))),
    db
      .select()
      .from(trajectorySteps)
      .where(inArray(trajectorySteps.trajectoryId, ids))
      .orderBy(asc(trajectorySteps.trajectoryId), asc(trajectorySteps.index)),
  ]);
  const stepsOf = new Map<string, (typeof steps)[number][]>();
  for (const s of steps) {
    const list = stepsOf.get(s.trajectoryId);
    if (list) list.push(s);
    else stepsOf.set(s.trajectoryId, [s]);
  }
  const byId = new Map(
    rows.map(({ t, prompt, reference }) => {
      const raw = toRecord(t, stepsOf.get(t.id) ?? []);
      // stored episodes were validated on the way in; the parse fills the format's defaults
      const parsed = trajectoryRecord.safeParse(raw);
      const record = parsed.success ? parsed.data : (raw as unknown as TrajectoryRecord);
      const item: StoredItem = {
        trajectoryId: t.id,
        // episodes stored before content hashing have none: their own id keeps them apart in the cache
        contentHash: t.contentHash || `trajectory:${t.id}`,
        record,
        variables: variablesOf(prompt === null ? null : { prompt, reference }, record),
        taskRef: t.taskRef,
        summary: t.summary,
        policy: t.policy,
      };
      return [t.id, item] as const;
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
