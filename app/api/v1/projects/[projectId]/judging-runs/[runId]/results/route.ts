// GET /api/v1/projects/{projectId}/judging-runs/{runId}/results - per trajectory and per criterion results of a run
import { judging } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getJudgingResults } from "@/lib/judging/server/get-judging-results";

export const dynamic = "force-dynamic";
export const GET = handle(judging.getJudgingResults, async ({ db, params, query }) =>
  getJudgingResults({ db, ...params, ...query }),
);
