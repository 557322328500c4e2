// GET|POST /api/v1/projects/{projectId}/rubrics - list the project's rubrics; create one with version 1
import { rubrics } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { getRubric, listRubrics } from "@/lib/rubrics/server/get-rubrics";
import { createRubric } from "@/lib/rubrics/server/save-rubric";

export const dynamic = "force-dynamic";
export const GET = handle(rubrics.listRubrics, async ({ db, params }) => ({
  items: await listRubrics({ db, projectId: params.projectId }),
}));
export const POST = handle(rubrics.createRubric, async ({ db, params, grant, body }) => {
  const { rubric } = await db.transaction((tx) =>
    createRubric({ db: tx, projectId: params.projectId, userId: launcherOf(grant).userId, input: body }),
  );
  return { rubric: await getRubric({ db, projectId: params.projectId, rubricId: rubric.id }) };
});
