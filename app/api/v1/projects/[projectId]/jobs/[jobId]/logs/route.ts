// GET /api/v1/projects/{projectId}/jobs/{jobId}/logs - log lines after a line id
import { jobs } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getJobRow } from "@/lib/jobs/server/get-job";
import { listJobLogs } from "@/lib/jobs/server/job-logs";

export const dynamic = "force-dynamic";
export const GET = handle(jobs.getJobLogs, async ({ db, params, query }) => {
  await getJobRow({ db, ...params });
  return { items: await listJobLogs({ db, jobId: params.jobId, after: query.after }) };
});
