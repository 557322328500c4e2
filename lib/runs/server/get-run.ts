// One benchmark run with every episode: task, sample, status, the trajectory of its latest
// attempt with its reward, turns, peak context and tool calls.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { episodes, type Run, runs, tasks, trajectories, trajectorySteps } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { RunDetail } from "../schemas";
import { runViews } from "./run-views";

export async function getRunRow({ db, projectId, runId }: { db: DbOrTx; projectId: string; runId: string }) {
  const [run] = await db
    .select()
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.projectId, projectId), eq(runs.kind, "benchmark")));
  if (!run) throw notFound("The benchmark run", "runId");
  return run;
}

export async function getRun({
  db,
  projectId,
  runId,
}: {
  db: DbOrTx;
  projectId: string;
  runId: string;
}): Promise<RunDetail> {
  const run: Run = await getRunRow({ db, projectId, runId });
  const [[view], rows] = await Promise.all([
    runViews(db, [run]),
    db
      .select({
        e: episodes,
        task: tasks.externalId,
        taskMeta: tasks.metadata,
        outcome: trajectories.outcome,
        reward: trajectories.reward,
        metadata: trajectories.metadata,
        peak: trajectories.peakContextTokens,
        toolCalls: trajectories.toolCallCount,
        stepCount: trajectories.stepCount,
      })
      .from(episodes)
      .innerJoin(tasks, eq(tasks.id, episodes.taskId))
      .leftJoin(trajectories, eq(trajectories.id, episodes.trajectoryId))
      .where(eq(episodes.runId, run.id))
      .orderBy(asc(tasks.externalId), asc(episodes.sample)),
  ]);
  const turns = await assistantTurns(
    db,
    rows.flatMap((r) => (r.e.trajectoryId ? [r.e.trajectoryId] : [])),
  );
  return {
    ...view,
    episodeList: rows.map(({ e, ...r }) => ({
      id: e.id,
      taskId: e.taskId,
      task: r.task,
      category: ((r.taskMeta as { category?: unknown } | null)?.category as string | undefined) ?? null,
      sample: e.sample,
      status: e.status,
      attempts: e.attempts,
      error: e.error,
      trajectoryId: e.trajectoryId,
      outcome: r.outcome ?? null,
      reward: r.reward ?? null,
      turns: e.trajectoryId ? (turns.get(e.trajectoryId) ?? 0) : null,
      peakContextTokens: r.peak ?? null,
      toolCalls: e.trajectoryId ? (r.toolCalls ?? 0) : null,
      stopReason: ((r.metadata as { stopReason?: unknown } | null)?.stopReason as string | undefined) ?? null,
      startedAt: e.startedAt?.toISOString() ?? null,
      finishedAt: e.finishedAt?.toISOString() ?? null,
    })),
  };
}

async function assistantTurns(db: DbOrTx, ids: string[]) {
  const map = new Map<string, number>();
  if (!ids.length) return map;
  const rows = await db
    .select({ id: trajectorySteps.trajectoryId, n: sql<number>`count(*)::int` })
    .from(trajectorySteps)
    .where(and(inArray(trajectorySteps.trajectoryId, ids), eq(trajectorySteps.role, "assistant")))
    .groupBy(trajectorySteps.trajectoryId);
  for (const r of rows) map.set(r.id, r.n);
  return map;
}
