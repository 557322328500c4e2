// An import job as the dialog and the CLI follow it: records done of total (from the plan's
// pages and the finished steps), created/existing/invalid counts so far, and the errors.
import { and, eq, gte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { artifacts, jobSteps } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { getJobRow } from "@/lib/jobs/server/get-job";
import { toJobView } from "@/lib/jobs/server/to-view";
import type { ImportFormat, ImportMode, RecordError } from "../schemas";
import type { ImportStatus } from "../status";
import type { PageResult } from "./import-page";
import { summarizePages } from "./import-page";
import type { ImportPage } from "./scan";

type Payload = { artifactId?: string; format?: ImportFormat; mode?: ImportMode };
type Report = { records?: number; invalid?: number; errors?: RecordError[] };

export async function getImport({
  db,
  projectId,
  jobId,
}: {
  db: DbOrTx;
  projectId: string;
  jobId: string;
}): Promise<ImportStatus> {
  const job = await getJobRow({ db, projectId, jobId });
  if (job.type !== "trajectories.import") throw notFound("The import job", "jobId");
  const payload = job.payload as Payload;
  const plan = (job.plan as ImportPage[] | null) ?? null;
  const steps = await db
    .select({ step: jobSteps.step, result: jobSteps.result })
    .from(jobSteps)
    .where(and(eq(jobSteps.jobId, jobId), gte(jobSteps.step, 0)));
  const pages = plan ? steps.filter((s) => s.step < plan.length) : [];
  const summary = summarizePages(pages.map((s) => s.result as PageResult));
  const [artifact] = payload.artifactId
    ? await db
        .select({ filename: artifacts.filename })
        .from(artifacts)
        .where(and(eq(artifacts.id, payload.artifactId), eq(artifacts.projectId, projectId)))
    : [];
  // a rejected import reports its bad records in the job's result, and wrote nothing
  const report = job.status === "failed" ? ((job.result as Report | null) ?? null) : null;
  const total = plan ? plan.reduce((n, p) => n + p.count, 0) : (report?.records ?? null);
  return {
    job: toJobView(job),
    format: plan?.[0]?.format ?? payload.format ?? null,
    mode: payload.mode ?? "all-or-nothing",
    filename: artifact?.filename ?? null,
    records: { done: summary.records, total },
    counts: {
      records: total ?? summary.records,
      created: summary.created,
      exists: summary.exists,
      invalid: report?.invalid ?? summary.invalid,
    },
    errors: report?.errors ?? summary.errors,
  };
}
