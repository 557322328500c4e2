// GET|POST /api/v1/projects/{projectId}/judging-runs - list judging runs; start one as a job
import { judging } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { getSenderBoss } from "@/lib/jobs/server/boss";
import { listJudgingRuns } from "@/lib/judging/server/get-judging-runs";
import { startJudgingRun } from "@/lib/judging/server/start-judging-run";

export const dynamic = "force-dynamic";
export const GET = handle(judging.listJudgingRuns, async ({ db, params, query }) =>
  listJudgingRuns({ db, projectId: params.projectId, rubricId: query.rubricId, limit: query.limit }),
);
export const POST = handle(judging.startJudgingRun, async ({ db, params, grant, body }) =>
  startJudgingRun({ db, boss: await getSenderBoss(), projectId: params.projectId, by: launcherOf(grant), input: body }),
);
