import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { episodes, type Run, runs, tasks } from "@/db/schema";
import type { JobPayload } from "@/lib/jobs/types";
import { benchmarkConfig } from "@/lib/runs/schemas";
import { type BatchResult, runBatch } from "@/lib/runs/server/run-batch";
import { type JobHandler, JobRejected, type StepContext } from "../handler";

type Payload = JobPayload<"bench.run">;

async function runOf({ db, job, payload }: StepContext<Payload>): Promise<Run> {
  const [run] = await db.select().from(runs).where(eq(runs.id, payload.runId));
  if (!run || run.projectId !== job.projectId || run.kind !== "benchmark")
    throw new JobRejected("runId is not a benchmark run of this project: start runs with POST .../runs");
  return run;
}

function configOf(run: Run) {
  const parsed = benchmarkConfig.safeParse(run.config);
  if (!parsed.success) throw new JobRejected(`the run's configuration is not readable: ${parsed.error.message}`);
  return parsed.data;
}

export const benchRun: JobHandler<Payload> = {
  async plan(ctx) {
    const run = await runOf(ctx);
    const config = configOf(run);
    const rows = await ctx.db
      .select({ id: episodes.id, status: episodes.status })
      .from(episodes)
      .innerJoin(tasks, eq(tasks.id, episodes.taskId))
      .where(
        and(
          eq(episodes.runId, run.id),
          ctx.payload.episodeIds ? inArray(episodes.id, ctx.payload.episodeIds) : undefined,
        ),
      )
      .orderBy(asc(episodes.sample), asc(tasks.externalId));
    const todo = rows.filter((r) => r.status !== "succeeded").map((r) => r.id);
    if (ctx.payload.episodeIds)
      await ctx.db
        .update(episodes)
        .set({ status: "queued", error: null })
        .where(and(inArray(episodes.id, todo), eq(episodes.runId, run.id)));
    const steps: string[][] = [];
    for (let i = 0; i < todo.length; i += config.concurrency) steps.push(todo.slice(i, i + config.concurrency));
    await ctx.db
      .update(runs)
      .set({ status: "running", startedAt: run.startedAt ?? sql`now()`, finishedAt: null })
      .where(eq(runs.id, run.id));
    return {
      steps,
      summary: `${todo.length} episodes of ${config.policy.name} with ${config.strategy} loading, ${config.concurrency} at a time, in ${steps.length} batches${
        rows.length > todo.length ? ` (${rows.length - todo.length} already finished)` : ""
      }`,
    };
  },
  async step(ctx) {
    const run = await runOf(ctx);
    const result = await runBatch(
      {
        db: ctx.db,
        // episodes are written as they happen, outside the step's transaction, so a dead
        // worker loses at most the step in flight and finished episodes are not run again
        outside: getDb().db,
        run,
        config: configOf(run),
        jobId: ctx.job.id,
        signal: ctx.signal,
        log: ctx.log,
      },
      ctx.step as string[],
    );
    if (ctx.signal.aborted) throw new Error("cancelled");
    if (result.failed) await ctx.log(`${result.failed} of ${result.ran} episodes failed in this batch`, "warn");
    return result;
  },
  async finish(ctx) {
    const run = await runOf(ctx);
    const rows = await ctx.db
      .select({ status: episodes.status, n: sql<number>`count(*)::int` })
      .from(episodes)
      .where(eq(episodes.runId, run.id))
      .groupBy(episodes.status);
    const counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const ran = (ctx.results as BatchResult[]).reduce((n, r) => n + (r?.ran ?? 0), 0);
    await ctx.db.update(runs).set({ status: "succeeded", finishedAt: sql`now()` }).where(eq(runs.id, run.id));
    await ctx.log(
      `Ran ${ran} episodes: ${counts.succeeded ?? 0} succeeded, ${counts.failed ?? 0} failed${
        counts.failed ? " (re-run them from the run's page)" : ""
      }`,
    );
    return { runId: run.id, ran, counts };
  },
  async abandon({ db, payload, status }) {
    await db
      .update(episodes)
      .set(
        status === "cancelled"
          ? { status: "cancelled", error: "cancelled before it finished" }
          : { status: "failed", error: "the job failed while this episode ran" },
      )
      .where(
        and(
          eq(episodes.runId, payload.runId),
          inArray(episodes.status, status === "cancelled" ? ["queued", "running"] : ["running"]),
          payload.episodeIds ? inArray(episodes.id, payload.episodeIds) : undefined,
        ),
      );
    await db.update(runs).set({ status, finishedAt: sql`now()` }).where(eq(runs.id, payload.runId));
  },
};
