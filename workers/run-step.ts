// Runs one step message. The step's effects, its completion row, the progress update and the
// next step's message commit in one transaction, under a per-job advisory lock: a step that
// committed never runs again, and one whose worker died is simply run again.

import { and, asc, eq, gte, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db, DbOrTx } from "@/db/client";
import { type Job, jobLogs, jobSteps, jobs } from "@/db/schema";
import { notifyJob } from "@/lib/jobs/server/notify";
import { enqueueStep, PLAN_STEP, type StepMessage } from "@/lib/jobs/server/queue";
import { type JobType, jobTypes } from "@/lib/jobs/types";
import { JobRejected, type StepContext } from "./handler";
import { handlers } from "./registry";

export type StepOutcome = "done" | "skipped" | "busy" | "cancelled" | "failed";

class Busy extends Error {}

export async function runStep({
  db,
  boss,
  msg,
  attempt,
  maxAttempts,
  signal,
}: {
  db: Db;
  boss: PgBoss;
  msg: StepMessage;
  attempt: number;
  maxAttempts: number;
  signal: AbortSignal;
}): Promise<{ outcome: StepOutcome; job?: Job; cleanup?: () => Promise<void> }> {
  try {
    return await db.transaction(async (tx) => {
      const [{ locked }] = await tx.execute<{ locked: boolean }>(
        sql`select pg_try_advisory_xact_lock(hashtext(${msg.jobId})) as locked`,
      );
      if (!locked) throw new Busy();
      const [job] = await tx.select().from(jobs).where(eq(jobs.id, msg.jobId));
      if (!job || ["succeeded", "failed", "cancelled"].includes(job.status)) return { outcome: "skipped" as const };
      if (job.status === "cancelling") {
        await finishAs(tx, job, "cancelled", "Cancelled; finished steps are kept");
        return { outcome: "cancelled" as const, job };
      }
      const [seen] = await tx
        .select({ step: jobSteps.step })
        .from(jobSteps)
        .where(and(eq(jobSteps.jobId, job.id), eq(jobSteps.step, msg.step)));
      if (seen) return { outcome: "skipped" as const, job };
      return execute(tx, boss, job, msg.step, signal);
    });
  } catch (err) {
    if (err instanceof Busy) {
      // another worker holds this job: look again shortly instead of burning a retry
      await enqueueStep(boss, db, msg, { startAfterSeconds: 2 });
      return { outcome: "busy" };
    }
    return recordFailure(db, msg, err, attempt, maxAttempts, signal);
  }
}

async function execute(tx: DbOrTx, boss: PgBoss, job: Job, step: number, signal: AbortSignal) {
  const handler = handlers[job.type as JobType];
  if (!handler) throw new Error(`No handler for job type '${job.type}': is this worker older than the web app?`);
  const payload = jobTypes[job.type as JobType].payload.parse(job.payload);
  const log = async (message: string, level: "info" | "warn" | "error" = "info") => {
    await tx.insert(jobLogs).values({ jobId: job.id, message, level });
  };
  const ctx: StepContext<unknown> = { db: tx, job, payload, signal, log };
  if (job.status === "queued")
    await tx
      .update(jobs)
      .set({ status: "running", startedAt: job.startedAt ?? sql`now()` })
      .where(eq(jobs.id, job.id));

  const steps = (job.plan as unknown[] | null) ?? [];
  let result: unknown = null;
  let next: number | null;
  if (step === PLAN_STEP) {
    const plan = await handler.plan(ctx);
    await tx.update(jobs).set({ plan: plan.steps, progressTotal: plan.steps.length }).where(eq(jobs.id, job.id));
    await log(plan.summary ?? `Planned ${plan.steps.length} steps`);
    next = 0;
  } else if (step < steps.length) {
    result = await handler.step({ ...ctx, index: step, step: steps[step] });
    await tx
      .update(jobs)
      .set({ progressDone: sql`${jobs.progressDone} + 1` })
      .where(eq(jobs.id, job.id));
    next = step + 1;
  } else {
    const rows = await tx
      .select({ result: jobSteps.result })
      .from(jobSteps)
      .where(and(eq(jobSteps.jobId, job.id), gte(jobSteps.step, 0)))
      .orderBy(asc(jobSteps.step));
    result = await handler.finish({ ...ctx, results: rows.map((r) => r.result) });
    await finishAs(tx, job, "succeeded", "Succeeded", result);
    next = null;
  }
  await tx.insert(jobSteps).values({ jobId: job.id, step, result: result ?? null });
  await tx.update(jobs).set({ updatedAt: sql`now()` }).where(eq(jobs.id, job.id));
  if (next !== null) await enqueueStep(boss, tx, { jobId: job.id, step: next });
  await notifyJob(tx, job.projectId, job.id);
  const cleanup = next === null && handler.cleanup ? () => handler.cleanup!({ job }) : undefined;
  return { outcome: "done" as const, job, cleanup };
}

async function finishAs(
  tx: DbOrTx,
  job: Job,
  status: "succeeded" | "cancelled" | "failed",
  message: string,
  result?: unknown,
) {
  await tx
    .update(jobs)
    .set({ status, finishedAt: sql`now()`, updatedAt: sql`now()`, ...(result !== undefined ? { result } : {}) })
    .where(eq(jobs.id, job.id));
  await tx.insert(jobLogs).values({ jobId: job.id, message, level: status === "failed" ? "error" : "info" });
  if (status !== "succeeded") {
    const handler = handlers[job.type as JobType];
    const payload = jobTypes[job.type as JobType]?.payload.safeParse(job.payload);
    if (handler?.abandon && payload?.success) await handler.abandon({ db: tx, job, payload: payload.data, status });
  }
  await notifyJob(tx, job.projectId, job.id);
}

async function recordFailure(
  db: Db,
  msg: StepMessage,
  err: unknown,
  attempt: number,
  maxAttempts: number,
  signal: AbortSignal,
) {
  const reason = err instanceof Error ? err.message : String(err);
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(jobs).where(eq(jobs.id, msg.jobId));
    if (!job) return { outcome: "skipped" as const };
    if (job.status === "cancelling" || signal.aborted) {
      if (job.status === "cancelling")
        await finishAs(tx, job, "cancelled", "Cancelled during a step; finished steps are kept");
      return { outcome: "cancelled" as const, job };
    }
    const rejected = err instanceof JobRejected;
    const last = rejected || attempt >= maxAttempts;
    const label = msg.step === PLAN_STEP ? "Planning" : `Step ${msg.step + 1}`;
    await tx.insert(jobLogs).values({
      jobId: job.id,
      level: "error",
      message: rejected
        ? `${label} failed: ${reason}`
        : `${label} failed (attempt ${attempt} of ${maxAttempts}): ${reason}${last ? "" : "; retrying"}`,
    });
    if (last) {
      const report = rejected && err.report !== undefined ? { result: err.report } : {};
      await tx
        .update(jobs)
        .set({ error: reason, ...report })
        .where(eq(jobs.id, job.id));
      await finishAs(
        tx,
        job,
        "failed",
        rejected
          ? "Failed: the input has to be fixed first"
          : "Failed: retry it from the Jobs page once the cause is fixed",
      );
    } else await notifyJob(tx, job.projectId, job.id);
    return { outcome: "failed" as const, job };
  });
}
