// DELETE /api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers/{serverId} - remove a server
import { toolspaces } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { deleteServer } from "@/lib/toolspaces/server/delete-server";

export const dynamic = "force-dynamic";
export const DELETE = handle(toolspaces.deleteServer, async ({ db, params }) => deleteServer({ db, ...params }));
