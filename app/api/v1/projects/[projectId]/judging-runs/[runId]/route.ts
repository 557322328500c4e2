// GET /api/v1/projects/{projectId}/judging-runs/{runId} - one judging run with its job's status and counts
import { judging } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getJudgingRun } from "@/lib/judging/server/get-judging-runs";

export const dynamic = "force-dynamic";
export const GET = handle(judging.getJudgingRun, async ({ db, params }) => {
  const { view } = await getJudgingRun({ db, ...params });
  return view;
});
