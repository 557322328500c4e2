// POST /api/v1/projects/{projectId}/policies/{policyId}/test - one small chat with a tool: latency, tool call or error
import { policies } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { testPolicy } from "@/lib/policies/server/test-policy";

export const dynamic = "force-dynamic";
export const POST = handle(policies.testPolicy, async ({ db, params }) => testPolicy({ db, ...params }));
