// GET|POST /api/v1/projects/{projectId}/api-keys - list keys; create one (secret shown once)
import { apiKeys } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { createApiKey } from "@/lib/api-keys/server/create-api-key";
import { listApiKeys } from "@/lib/api-keys/server/list-api-keys";

export const dynamic = "force-dynamic";
export const GET = handle(apiKeys.listApiKeys, async ({ db, params }) => ({
  items: await listApiKeys({ db, projectId: params.projectId }),
}));
export const POST = handle(apiKeys.createApiKey, async ({ db, params, grant, body }) =>
  createApiKey({ db, projectId: params.projectId, userId: launcherOf(grant).userId, input: body }),
);
