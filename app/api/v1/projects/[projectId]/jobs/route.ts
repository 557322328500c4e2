// GET|POST /api/v1/projects/{projectId}/jobs - list jobs; launch one
import { jobs } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { getSenderBoss } from "@/lib/jobs/server/boss";
import { launchJob } from "@/lib/jobs/server/launch-job";
import { listJobs } from "@/lib/jobs/server/list-jobs";

export const dynamic = "force-dynamic";
export const GET = handle(jobs.listJobs, async ({ db, params, query }) =>
  listJobs({ db, projectId: params.projectId, query }),
);
export const POST = handle(jobs.launchJob, async ({ db, params, grant, body }) =>
  launchJob({ db, boss: await getSenderBoss(), projectId: params.projectId, by: launcherOf(grant), input: body }),
);
