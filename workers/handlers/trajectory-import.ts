import { and, eq, gte } from "drizzle-orm";
import { jobLogs, jobSteps, jobs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { artifactSource } from "@/lib/imports/server/artifact-source";
import { importPage, type PageResult, removeImported, summarizePages } from "@/lib/imports/server/import-page";
import { ImportRejected, planImport } from "@/lib/imports/server/plan-import";
import type { ImportPage } from "@/lib/imports/server/scan";
import type { JobPayload } from "@/lib/jobs/types";
import { getArtifact } from "@/lib/storage/server/artifacts";
import { type JobHandler, JobRejected } from "../handler";

type Payload = JobPayload<"trajectories.import">;

/** Bad input is final: the same file fails the same way on every retry. */
function rejectBadInput(err: unknown): never {
  if (err instanceof ImportRejected) throw new JobRejected(err.message, err.report);
  if (err instanceof AppError && err.code === "VALIDATION") throw new JobRejected(err.message);
  throw err;
}

async function sourceOf(db: Parameters<JobHandler<Payload>["plan"]>[0]["db"], projectId: string, artifactId: string) {
  const artifact = await getArtifact({ db, projectId, artifactId });
  return { artifact, source: artifactSource(artifact) };
}

export const trajectoryImport: JobHandler<Payload> = {
  async plan({ db, job, payload, signal }) {
    const { artifact, source } = await sourceOf(db, job.projectId, payload.artifactId);
    const plan = await planImport({
      db,
      projectId: job.projectId,
      source,
      filename: artifact.filename,
      format: payload.format,
      mapping: payload.mapping,
      mode: payload.mode,
      pageSize: payload.pageSize,
      signal,
    }).catch(rejectBadInput);
    const { records, invalid } = plan.counts;
    const skipped = invalid ? `; ${invalid} invalid records will be skipped (valid-only)` : "";
    return {
      steps: plan.pages,
      summary: `${artifact.filename}: ${records} records (${plan.format}) in ${plan.pages.length} pages${skipped}`,
    };
  },
  async step({ db, job, payload, step, signal }) {
    const { source } = await sourceOf(db, job.projectId, payload.artifactId);
    return importPage({
      db,
      projectId: job.projectId,
      jobId: job.id,
      source,
      page: step as ImportPage,
      mode: payload.mode,
      signal,
    }).catch(rejectBadInput);
  },
  async finish({ job, payload, results, log }) {
    const report = summarizePages(results as PageResult[]);
    await log(
      `Imported ${report.records} records: ${report.created} created, ${report.exists} already there, ${report.invalid} invalid`,
    );
    const plan = (job.plan as ImportPage[] | null) ?? [];
    return {
      ...report,
      format: plan[0]?.format ?? payload.format ?? null,
      mode: payload.mode,
      // not `artifactId`: the jobs pages read that as an export to download
      file: payload.artifactId,
    };
  },
  async abandon({ db, job, payload }) {
    if (payload.mode !== "all-or-nothing") return;
    const removed = await removeImported({ db, projectId: job.projectId, jobId: job.id });
    // a retry starts over from the first page, since the finished ones were taken back
    await db.delete(jobSteps).where(and(eq(jobSteps.jobId, job.id), gte(jobSteps.step, 0)));
    await db.update(jobs).set({ progressDone: 0 }).where(eq(jobs.id, job.id));
    if (removed)
      await db.insert(jobLogs).values({
        jobId: job.id,
        level: "warn",
        message: `Removed the ${removed} trajectories this import had written: all-or-nothing`,
      });
  },
};
