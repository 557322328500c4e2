// POST /api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers/{serverId}/check - health + re-snapshot
import { toolspaces } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { checkServer } from "@/lib/toolspaces/server/check-server";

export const dynamic = "force-dynamic";
export const POST = handle(toolspaces.checkServer, async ({ db, params }) => checkServer({ db, ...params }));
