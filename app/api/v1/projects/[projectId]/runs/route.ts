// GET|POST /api/v1/projects/{projectId}/runs - list benchmark runs; start one as a job
import { runs } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { getSenderBoss } from "@/lib/jobs/server/boss";
import { createRun } from "@/lib/runs/server/create-run";
import { listRuns } from "@/lib/runs/server/list-runs";

export const dynamic = "force-dynamic";
export const GET = handle(runs.listRuns, async ({ db, params, query }) =>
  listRuns({ db, projectId: params.projectId, limit: query.limit }),
);
export const POST = handle(runs.createRun, async ({ db, params, grant, body }) =>
  createRun({ db, boss: await getSenderBoss(), projectId: params.projectId, by: launcherOf(grant), input: body }),
);
