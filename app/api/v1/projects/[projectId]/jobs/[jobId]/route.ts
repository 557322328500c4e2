// GET /api/v1/projects/{projectId}/jobs/{jobId} - one job with its progress
import { jobs } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getJobRow } from "@/lib/jobs/server/get-job";
import { toJobView } from "@/lib/jobs/server/to-view";

export const dynamic = "force-dynamic";
export const GET = handle(jobs.getJob, async ({ db, params }) => toJobView(await getJobRow({ db, ...params })));
