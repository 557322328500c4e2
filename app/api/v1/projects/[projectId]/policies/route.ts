// GET|POST /api/v1/projects/{projectId}/policies - list policies; add one
import { policies } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listPolicies } from "@/lib/policies/server/list-policies";
import { addPolicy } from "@/lib/policies/server/save-policy";

export const dynamic = "force-dynamic";
export const GET = handle(policies.listPolicies, async ({ db, params }) => ({
  items: await listPolicies({ db, projectId: params.projectId }),
}));
export const POST = handle(policies.createPolicy, async ({ db, params, body }) =>
  addPolicy({ db, projectId: params.projectId, input: body }),
);
