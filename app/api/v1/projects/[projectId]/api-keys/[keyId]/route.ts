// DELETE /api/v1/projects/{projectId}/api-keys/{keyId} - revoke a key
import { apiKeys } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { revokeApiKey } from "@/lib/api-keys/server/revoke-api-key";

export const dynamic = "force-dynamic";
export const DELETE = handle(apiKeys.revokeApiKey, async ({ db, params }) =>
  revokeApiKey({ db, projectId: params.projectId, keyId: params.keyId }),
);
