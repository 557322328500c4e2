// GET /api/v1/projects/{projectId}/agreement - judge-versus-human agreement per tied criterion and judge
import { agreement } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getAgreement } from "@/lib/judging/server/agreement-report";

export const dynamic = "force-dynamic";
export const GET = handle(agreement.getAgreement, async ({ db, params, query }) =>
  getAgreement({ db, projectId: params.projectId, query }),
);
