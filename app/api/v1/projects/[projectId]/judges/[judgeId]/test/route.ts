// POST /api/v1/projects/{projectId}/judges/{judgeId}/test - one tiny judgment: latency or the error
import { judges } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { testJudge } from "@/lib/judges/server/test-judge";

export const dynamic = "force-dynamic";
export const POST = handle(judges.testJudge, async ({ db, params }) => testJudge({ db, ...params }));
