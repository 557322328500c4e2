// One batch of a benchmark run: its episodes side by side, each in a fresh folder removed after,
// written step by step, then judged. Episode rows and trajectories are written outside the job
// step's transaction, so what finished survives a dead worker: a retried batch skips succeeded
// episodes and runs those found "running" again from the start.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Episode, episodes, policies, type Run, tasks, trajectories } from "@/db/schema";
import { notifyJob } from "@/lib/jobs/server/notify";
import { policyConfigOf } from "@/lib/policies/server/policy-config";
import { runEpisode } from "@/lib/runtime/episode/run-episode";
import type { EpisodeResult, EpisodeServer, EpisodeSpec } from "@/lib/runtime/episode/types";
import { promptTemplate } from "@/lib/strategy-prompts/server/prompt-template";
import { episodeServersOf } from "@/lib/toolspaces/server/episode-servers";
import type { BenchmarkConfig } from "../schemas";
import { episodeClientId, episodeStore } from "./episode-store";
import { judgeEpisodes } from "./judge-episodes";

export type BatchResult = { ran: number; skipped: number; succeeded: number; failed: number; cancelled: number };

type Ctx = {
  /** the step's transaction: reads only */
  db: DbOrTx;
  /** a connection of its own: episode rows, trajectories, scores */
  outside: DbOrTx;
  run: Run;
  config: BenchmarkConfig;
  jobId: string;
  signal: AbortSignal;
  log: (message: string, level?: "info" | "warn" | "error") => Promise<void>;
};

const short = (s: string, n = 500) => (s.length > n ? `${s.slice(0, n)}…` : s);

export async function runBatch(ctx: Ctx, episodeIds: string[]): Promise<BatchResult> {
  const { db, run, config } = ctx;
  const rows = await db
    .select({ e: episodes, externalId: tasks.externalId, prompt: tasks.prompt })
    .from(episodes)
    .innerJoin(tasks, eq(tasks.id, episodes.taskId))
    .where(and(eq(episodes.runId, run.id), inArray(episodes.id, episodeIds)));
  const todo = rows.filter((r) => r.e.status !== "succeeded");
  const result: BatchResult = { ran: 0, skipped: rows.length - todo.length, succeeded: 0, failed: 0, cancelled: 0 };
  if (!todo.length) return result;

  for (const r of todo)
    if (r.e.status === "running")
      await ctx.log(
        `${r.externalId} sample ${r.e.sample + 1} was running on a worker that stopped: running it again from the start; its partial trajectory is replaced, since the toolspace state at the crash cannot be restored`,
        "warn",
      );

  const [policy] = run.policyId ? await db.select().from(policies).where(eq(policies.id, run.policyId)) : [];
  if (!policy) throw new Error("the run's policy was deleted: register it again and start a new run");
  const shared = {
    policy: policyConfigOf(policy),
    servers: await episodeServersOf(db, config.toolspaceId),
    prompt: await promptTemplate(db, run.projectId, config.strategy, config.promptVersionId),
  };

  const outcomes = await Promise.all(
    todo.map((r) => runOne(ctx, shared, r.e, { externalId: r.externalId, prompt: r.prompt })),
  );
  result.ran = todo.length;
  for (const o of outcomes) result[o]++;
  return result;
}

async function runOne(
  ctx: Ctx,
  shared: { policy: EpisodeSpec["policy"]; servers: EpisodeServer[]; prompt: { template: string } },
  ep: Episode,
  task: { externalId: string; prompt: string },
): Promise<"succeeded" | "failed" | "cancelled"> {
  const { outside, run, config, signal } = ctx;
  const mark = async (set: Partial<typeof episodes.$inferInsert>) => {
    await outside.update(episodes).set(set).where(eq(episodes.id, ep.id));
    await notifyJob(outside, run.projectId, ctx.jobId);
  };
  await mark({
    status: "running",
    attempts: sql`${episodes.attempts} + 1` as unknown as number,
    error: null,
    startedAt: new Date(),
    finishedAt: null,
  });
  const dir = await mkdtemp(path.join(tmpdir(), "atlas-episode-"));
  const store = episodeStore({
    db: outside,
    projectId: run.projectId,
    runId: run.id,
    taskId: ep.taskId,
    clientId: episodeClientId(run.id, task.externalId, ep.sample),
    jobId: ctx.jobId,
  });
  try {
    let res: EpisodeResult;
    try {
      res = await runEpisode(
        {
          task: { id: task.externalId, prompt: task.prompt },
          policy: shared.policy,
          strategy: config.strategy,
          promptTemplate: shared.prompt.template,
          servers: shared.servers,
          limits: config.limits,
          retrieval: config.retrieval,
          episodeDir: dir,
          runId: run.id,
          clientId: episodeClientId(run.id, task.externalId, ep.sample),
          metadata: { episodeId: ep.id, sample: ep.sample, attempt: ep.attempts + 1 },
        },
        {
          ...store,
          // the episode links to its trajectory from the first step, so a running one can be watched
          async start(header) {
            await store.start(header);
            await mark({ trajectoryId: store.trajectoryId() });
          },
        },
        { signal },
      );
    } finally {
      await mark({ trajectoryId: store.trajectoryId() });
    }
    const trajectoryId = store.trajectoryId();
    if (signal.aborted || res.stopReason === "cancelled") {
      await mark({ status: "cancelled", error: "cancelled while running", finishedAt: new Date() });
      return "cancelled";
    }
    if (res.outcome === "error" || !trajectoryId) {
      await mark({
        status: "failed",
        error: short(res.error ?? `the episode could not finish (${res.stopReason})`),
        finishedAt: new Date(),
      });
      return "failed";
    }
    const verdict = (
      await judgeEpisodes({
        db: outside,
        projectId: run.projectId,
        config,
        episodes: [{ trajectoryId, taskId: ep.taskId }],
        signal,
      })
    ).get(trajectoryId);
    const outcome = verdict?.passed === true ? "pass" : verdict?.passed === false ? "fail" : null;
    await outside
      .update(trajectories)
      .set({ outcome, reward: verdict?.reward ?? null })
      .where(eq(trajectories.id, trajectoryId));
    await mark({ status: "succeeded", error: null, finishedAt: new Date() });
    return "succeeded";
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const cancelled = signal.aborted;
    const trajectoryId = store.trajectoryId();
    if (trajectoryId && !cancelled)
      await outside.update(trajectories).set({ outcome: "error" }).where(eq(trajectories.id, trajectoryId));
    await mark({
      status: cancelled ? "cancelled" : "failed",
      error: cancelled ? "cancelled while running" : short(message),
      finishedAt: new Date(),
    });
    return cancelled ? "cancelled" : "failed";
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}
