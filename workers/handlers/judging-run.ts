import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type JudgingRun, judgingRuns } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { JobPayload } from "@/lib/jobs/types";
import { judgeRunPage, planJudgingRun, RunRejected } from "@/lib/judging/server/judge-run-page";
import { type JobHandler, JobRejected, type StepContext } from "../handler";

type Payload = JobPayload<"rubrics.judge">;
type PageResult = { trajectories: number; total: number; cached: number; judged: number; errors: number };

/** The run this job works for; a job launched by hand for another project's run is refused. */
async function runOf({ db, job, payload }: StepContext<Payload>): Promise<JudgingRun> {
  const [run] = await db.select().from(judgingRuns).where(eq(judgingRuns.id, payload.judgingRunId));
  if (!run || run.projectId !== job.projectId || (run.jobId && run.jobId !== job.id))
    throw new JobRejected("judgingRunId is not a judging run of this job: start runs with POST .../judging-runs");
  return run;
}

/** A rubric version or judge that is gone, or a judge changed under the run, fails the same on every retry. */
function rejectBadInput(err: unknown): never {
  if (err instanceof RunRejected) throw new JobRejected(err.message);
  if (err instanceof AppError && err.code === "VALIDATION") throw new JobRejected(err.message);
  throw err;
}

export const judgingRun: JobHandler<Payload> = {
  async plan(ctx) {
    const run = await runOf(ctx);
    const { rubric, pages } = await planJudgingRun(ctx.db, run, ctx.payload.pageSize).catch(rejectBadInput);
    return {
      steps: pages,
      summary: `${run.trajectoryIds.length} trajectories × ${rubric.criteria.length} criteria of ${rubric.rubricName} v${rubric.version}, in ${pages.length} pages`,
    };
  },
  async step(ctx) {
    const run = await runOf(ctx);
    // verdicts are written outside the step's transaction: after a crash the retried page reads
    // them from the cache instead of asking the judge again
    return judgeRunPage({
      db: ctx.db,
      cacheDb: getDb().db,
      run,
      ids: ctx.step as string[],
      signal: ctx.signal,
    }).catch(rejectBadInput);
  },
  async finish(ctx) {
    const run = await runOf(ctx);
    const sum = (k: keyof PageResult) => (ctx.results as PageResult[]).reduce((n, r) => n + (r?.[k] ?? 0), 0);
    const result = {
      judgingRunId: run.id,
      trajectories: sum("trajectories"),
      total: sum("total"),
      cached: sum("cached"),
      judged: sum("judged"),
      errors: sum("errors"),
    };
    await ctx.db.update(judgingRuns).set({ finishedAt: sql`now()` }).where(eq(judgingRuns.id, run.id));
    await ctx.log(
      `Judged ${result.trajectories} trajectories: ${result.judged} judgments made, ${result.cached} from the cache, ${result.errors} failed${
        result.errors ? " (judged again by the next run)" : ""
      }`,
    );
    return result;
  },
  async abandon({ db, job, payload }) {
    await db
      .update(judgingRuns)
      .set({ finishedAt: sql`now()` })
      .where(and(eq(judgingRuns.id, payload.judgingRunId), eq(judgingRuns.jobId, job.id)));
  },
};
