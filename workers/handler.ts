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
};
