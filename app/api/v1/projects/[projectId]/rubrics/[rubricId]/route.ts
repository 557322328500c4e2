// GET /api/v1/projects/{projectId}/rubrics/{rubricId} - one rubric with every version
import { rubrics } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getRubric } from "@/lib/rubrics/server/get-rubrics";

export const dynamic = "force-dynamic";
export const GET = handle(rubrics.getRubric, async ({ db, params }) => getRubric({ db, ...params }));
