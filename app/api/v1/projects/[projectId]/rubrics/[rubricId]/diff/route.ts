// GET /api/v1/projects/{projectId}/rubrics/{rubricId}/diff - the diff between two versions (?from=&to=)
import { rubrics } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { diffRubric } from "@/lib/rubrics/server/diff-rubric";

export const dynamic = "force-dynamic";
export const GET = handle(rubrics.diffRubric, async ({ db, params, query }) => diffRubric({ db, ...params, ...query }));
