import type { DbOrTx } from "@/db/client";
import type { Job } from "@/db/schema";

export type StepContext<P> = {
  /** the step's transaction: whatever it writes commits together with the step's completion */
  db: DbOrTx;
  job: Job;
  payload: P;
  signal: AbortSignal;
  log: (message: string, level?: "info" | "warn" | "error") => Promise<void>;
};

/**
 * A job type's work, split into short idempotent steps. The plan is computed once and stored,
 * so every worker runs the same steps; each step's database effects commit with the step.
 */
export type JobHandler<P> = {
  plan(ctx: StepContext<P>): Promise<{ steps: unknown[]; summary?: string }>;
  step(ctx: StepContext<P> & { index: number; step: unknown }): Promise<unknown>;
  finish(ctx: StepContext<P> & { results: unknown[] }): Promise<unknown>;
  /** after the finishing transaction committed: remove temporary files and the like */
  cleanup?(ctx: { job: Job }): Promise<void>;
  /** in the transaction that ends the job failed or cancelled: take back what must not stay half-done */
  abandon?(ctx: { db: DbOrTx; job: Job; payload: P; status: "failed" | "cancelled" }): Promise<void>;
};

/**
 * A failure that running the step again cannot fix (the input itself is wrong): the job fails
 * at once instead of retrying, with `report` as its result.
 */
export class JobRejected extends Error {
  constructor(
    message: string,
    readonly report?: unknown,
  ) {
    super(message);
    this.name = "JobRejected";
  }
}
