// GET|PATCH|DELETE /api/v1/projects/{projectId}/policies/{policyId} - read, replace or delete a policy
import { policies } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { deletePolicy } from "@/lib/policies/server/delete-policy";
import { getPolicy } from "@/lib/policies/server/get-policy";
import { updatePolicy } from "@/lib/policies/server/save-policy";

export const dynamic = "force-dynamic";
export const GET = handle(policies.getPolicy, async ({ db, params }) => getPolicy({ db, ...params }));
export const PATCH = handle(policies.updatePolicy, async ({ db, params, body }) =>
  updatePolicy({ db, ...params, input: body }),
);
export const DELETE = handle(policies.deletePolicy, async ({ db, params }) => deletePolicy({ db, ...params }));
