// Writes canonical trajectories: validates each record, derives context accounting and list
// columns, and inserts episodes with their steps and scores. Idempotent by client id (the
// record's `id`, or the content hash when it has none): a record already there is "exists".
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { runs, scores, tasks, trajectories, trajectorySteps } from "@/db/schema";
import { type TrajectoryRecord, trajectoryInput } from "../format";
import { type Accounted, accountTrajectory } from "./account-context";
import { derivedColumns, stepRow } from "./trajectory-row";

export type RecordIssue = { path: string; message: string };
export type IngestResult =
  | { index: number; status: "created" | "exists"; clientId: string; id: string }
  | { index: number; status: "invalid"; errors: RecordIssue[] };

export function issuesOf(error: z.ZodError): RecordIssue[] {
  return error.issues.slice(0, 10).map((i) => ({ path: i.path.join("."), message: i.message }));
}

export type Validated = { index: number; record: TrajectoryRecord } | { index: number; errors: RecordIssue[] };

export function validateRecords(raw: unknown[], firstIndex = 0): Validated[] {
  return raw.map((r, i) => {
    const parsed = trajectoryInput.safeParse(r);
    return parsed.success
      ? { index: firstIndex + i, record: parsed.data }
      : { index: firstIndex + i, errors: issuesOf(parsed.error) };
  });
}

const STEP_CHUNK = 2_000;

/**
 * Inserts valid records in one statement per table; call it inside a transaction so that
 * an episode is never half-written. Records whose runId is not a run of the project are
 * answered invalid.
 */
export async function ingestTrajectories({
  db,
  projectId,
  items,
  jobId,
}: {
  db: DbOrTx;
  projectId: string;
  items: Validated[];
  jobId?: string;
}): Promise<IngestResult[]> {
  const results = new Map<number, IngestResult>();
  const valid: { index: number; record: TrajectoryRecord; acc: Accounted; clientId: string }[] = [];
  const runIds = [...new Set(items.flatMap((v) => ("record" in v && v.record.runId ? [v.record.runId] : [])))];
  const knownRuns = new Set(
    runIds.length
      ? (
          await db
            .select({ id: runs.id })
            .from(runs)
            .where(and(eq(runs.projectId, projectId), inArray(runs.id, runIds)))
        ).map((r) => r.id)
      : [],
  );
  for (const v of items) {
    if ("errors" in v) {
      results.set(v.index, { index: v.index, status: "invalid", errors: v.errors });
      continue;
    }
    if (v.record.runId && !knownRuns.has(v.record.runId)) {
      results.set(v.index, {
        index: v.index,
        status: "invalid",
        errors: [{ path: "runId", message: "runId is not a run of this project: leave it out or use a run's id" }],
      });
      continue;
    }
    const acc = accountTrajectory(v.record);
    valid.push({ index: v.index, record: v.record, acc, clientId: v.record.id ?? `sha256:${acc.contentHash}` });
  }

  const taskIds = await matchTasks(
    db,
    projectId,
    valid.map((v) => v.record.task?.id),
  );
  const inserted = valid.length
    ? await db
        .insert(trajectories)
        .values(
          valid.map(({ record: r, acc, clientId }) => ({
            projectId,
            clientId,
            taskId: r.task?.id ? (taskIds.get(r.task.id) ?? null) : null,
            jobId: jobId ?? null,
            ...derivedColumns(r, acc),
          })),
        )
        .onConflictDoNothing({ target: [trajectories.projectId, trajectories.clientId] })
        .returning({ id: trajectories.id, clientId: trajectories.clientId })
    : [];
  const newIds = new Map(inserted.map((r) => [r.clientId as string, r.id]));
  const existing = await existingIds(
    db,
    projectId,
    valid.filter((v) => !newIds.has(v.clientId)).map((v) => v.clientId),
  );

  const steps: (typeof trajectorySteps.$inferInsert)[] = [];
  const scoreRows: (typeof scores.$inferInsert)[] = [];
  const seen = new Set<string>();
  for (const v of valid) {
    const id = newIds.get(v.clientId);
    if (id && !seen.has(v.clientId)) {
      seen.add(v.clientId);
      results.set(v.index, { index: v.index, status: "created", clientId: v.clientId, id });
      v.acc.steps.forEach((s, index) => {
        steps.push(stepRow(id, s, index));
      });
      for (const sc of v.record.scores)
        scoreRows.push({
          projectId,
          trajectoryId: id,
          criterionId: sc.criterion,
          value: sc.value,
          error: sc.error ?? (sc.value === null ? "not judged" : null),
          rationale: sc.rationale ?? null,
          source: sc.judge ?? "import",
        });
    } else {
      const other = id ?? existing.get(v.clientId);
      results.set(
        v.index,
        other
          ? { index: v.index, status: "exists", clientId: v.clientId, id: other }
          : { index: v.index, status: "invalid", errors: [{ path: "id", message: "could not be stored" }] },
      );
    }
  }
  for (let i = 0; i < steps.length; i += STEP_CHUNK)
    await db.insert(trajectorySteps).values(steps.slice(i, i + STEP_CHUNK));
  for (let i = 0; i < scoreRows.length; i += STEP_CHUNK)
    await db.insert(scores).values(scoreRows.slice(i, i + STEP_CHUNK));
  return items.map((v) => results.get(v.index) as IngestResult);
}

async function matchTasks(db: DbOrTx, projectId: string, refs: (string | undefined)[]) {
  const wanted = [...new Set(refs.filter((r): r is string => !!r))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .select({ id: tasks.id, externalId: tasks.externalId })
    .from(tasks)
    .where(and(eq(tasks.projectId, projectId), inArray(tasks.externalId, wanted)))
    .orderBy(tasks.createdAt);
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.externalId)) map.set(r.externalId, r.id);
  return map;
}

async function existingIds(db: DbOrTx, projectId: string, clientIds: string[]) {
  if (!clientIds.length) return new Map<string, string>();
  const rows = await db
    .select({ id: trajectories.id, clientId: trajectories.clientId })
    .from(trajectories)
    .where(and(eq(trajectories.projectId, projectId), inArray(trajectories.clientId, clientIds)));
  return new Map(rows.map((r) => [r.clientId as string, r.id]));
}
