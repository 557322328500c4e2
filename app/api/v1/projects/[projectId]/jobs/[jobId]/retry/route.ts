// POST /api/v1/projects/{projectId}/jobs/{jobId}/retry - run a failed or cancelled job again
import { jobs } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getSenderBoss } from "@/lib/jobs/server/boss";
import { retryJob } from "@/lib/jobs/server/retry-job";

export const dynamic = "force-dynamic";
export const POST = handle(jobs.retryJob, async ({ db, params }) =>
  retryJob({ db, boss: await getSenderBoss(), ...params }),
);
