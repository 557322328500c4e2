// A worker: takes step messages from pg-boss and runs them. Stateless; start as many as you like.
import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { connect } from "@/db/client";
import { jobs } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { EVENTS_CHANNEL, type ProjectEvent } from "@/lib/jobs/server/notify";
import { createBoss, ensureQueue, STEP_QUEUE, type StepMessage } from "@/lib/jobs/server/queue";
import { runStep } from "./run-step";

export type Worker = { stop: (graceful?: boolean) => Promise<void> };

export async function startWorker(
  url: string,
  log: (line: string) => void = console.log,
  /** wakeUp: false leaves pickup to pg-boss polling alone (the benchmark's baseline) */
  opts: { wakeUp?: boolean } = {},
): Promise<Worker> {
  const wakeUp = opts.wakeUp ?? true;
  const { ATLAS_WORKER_CONCURRENCY: concurrency } = getConfig();
  const { db, sql } = connect(url, concurrency + 2);
  const boss = createBoss(url, { supervise: true });
  boss.on("error", (e) => log(`queue error: ${e.message}`));
  await boss.start();
  await ensureQueue(boss);

  const inflight = new Map<string, AbortController>();
  const workerIds: string[] = [];
  const wake = () => {
    if (wakeUp) for (const id of workerIds) boss.notifyWorker(id);
  };

  // Events wake idle workers at once (no polling delay) and carry cancel requests to a running step.
  const listener = await sql.listen(EVENTS_CHANNEL, async (payload) => {
    wake();
    const event = JSON.parse(payload) as ProjectEvent;
    const ctrl = inflight.get(event.id);
    if (!ctrl) return;
    const [job] = await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, event.id));
    if (job?.status === "cancelling") ctrl.abort(new Error("cancelled"));
  });

  const work = async ([msg]: PgBoss.JobWithMetadata<StepMessage>[]) => {
    const ctrl = new AbortController();
    inflight.set(msg.data.jobId, ctrl);
    try {
      const attempt = msg.retryCount + 1;
      const r = await runStep({
        db,
        boss,
        msg: msg.data,
        attempt,
        maxAttempts: msg.retryLimit + 1,
        signal: ctrl.signal,
      });
      if (r.outcome === "done") {
        wake();
        await r.cleanup?.().catch((e) => log(`cleanup after job ${msg.data.jobId}: ${e.message}`));
      }
      if (r.outcome === "failed") throw new Error(`step ${msg.data.step} of job ${msg.data.jobId} failed`);
    } finally {
      inflight.delete(msg.data.jobId);
    }
  };
  for (let i = 0; i < concurrency; i++)
    workerIds.push(
      await boss.work<StepMessage>(
        STEP_QUEUE,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 0.5 },
        work,
      ),
    );
  log(`worker ${process.pid} ready (${concurrency} slots)`);

  return {
    async stop(graceful = true) {
      // graceful: steps in flight finish (or are handed back for retry) before we exit
      await boss.stop({ graceful, timeout: 20_000, wait: true });
      await listener.unlisten().catch(() => {});
      await sql.end({ timeout: 5 });
    },
  };
}
