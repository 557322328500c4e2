// POST /api/v1/projects/{projectId}/jobs/{jobId}/cancel - ask a job to stop
import { jobs } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { cancelJob } from "@/lib/jobs/server/cancel-job";

export const dynamic = "force-dynamic";
export const POST = handle(jobs.cancelJob, async ({ db, params }) => cancelJob({ db, ...params }));
