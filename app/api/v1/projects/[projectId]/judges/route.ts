// GET|POST /api/v1/projects/{projectId}/judges - list judges; add a model or ONNX judge
import { judges } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { addJudge } from "@/lib/judges/server/add-judge";
import { listJudges } from "@/lib/judges/server/list-judges";

export const dynamic = "force-dynamic";
export const GET = handle(judges.listJudges, async ({ db, params }) => ({
  items: await listJudges({ db, projectId: params.projectId }),
}));
export const POST = handle(judges.createJudge, async ({ db, params, body }) =>
  addJudge({ db, projectId: params.projectId, input: body }),
);
