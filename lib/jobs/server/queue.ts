// pg-boss only dispatches: one queue of step messages {jobId, step}. The jobs table is the truth.
import PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";
import { pgBossExecutor } from "@/db/raw";
import { getConfig } from "@/lib/config";

export const STEP_QUEUE = "atlas-steps";
/** step -1 plans the job; 0..n-1 are its steps; n finishes it */
export const PLAN_STEP = -1;

export type StepMessage = { jobId: string; step: number };

export function createBoss(url: string, opts: { supervise: boolean }) {
  const c = getConfig();
  return new PgBoss({
    connectionString: url,
    application_name: "atlas-queue",
    max: 4,
    supervise: opts.supervise,
    schedule: false,
    maintenanceIntervalSeconds: c.ATLAS_QUEUE_MAINTENANCE_SECONDS,
  });
}

export async function ensureQueue(boss: PgBoss) {
  if (!(await boss.getQueue(STEP_QUEUE))) await boss.createQueue(STEP_QUEUE).catch(() => {});
}

/** Sends a step message through `db`, so that it is sent only if the transaction commits. */
export async function enqueueStep(
  boss: PgBoss,
  db: DbOrTx,
  msg: StepMessage,
  opts: { startAfterSeconds?: number } = {},
) {
  const c = getConfig();
  await boss.send(STEP_QUEUE, msg, {
    db: pgBossExecutor(db),
    expireInSeconds: c.ATLAS_STEP_EXPIRE_SECONDS,
    retryLimit: c.ATLAS_STEP_RETRIES,
    retryDelay: 2,
    retryBackoff: true,
    ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
  });
}
