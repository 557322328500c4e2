// GET|PATCH|DELETE /api/v1/projects/{projectId}/judges/{judgeId} - read, replace or delete a judge
import { judges } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { deleteJudge } from "@/lib/judges/server/delete-judge";
import { getJudge } from "@/lib/judges/server/get-judge";
import { updateJudge } from "@/lib/judges/server/update-judge";

export const dynamic = "force-dynamic";
export const GET = handle(judges.getJudge, async ({ db, params }) => getJudge({ db, ...params }));
export const PATCH = handle(judges.updateJudge, async ({ db, params, body }) =>
  updateJudge({ db, ...params, input: body }),
);
export const DELETE = handle(judges.deleteJudge, async ({ db, params }) => deleteJudge({ db, ...params }));
