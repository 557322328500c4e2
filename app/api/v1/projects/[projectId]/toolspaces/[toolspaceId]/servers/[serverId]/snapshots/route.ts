// GET /api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers/{serverId}/snapshots - tool-list versions
import { toolspaces } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listSnapshots } from "@/lib/toolspaces/server/list-snapshots";

export const dynamic = "force-dynamic";
export const GET = handle(toolspaces.listSnapshots, async ({ db, params }) => ({
  items: await listSnapshots({ db, ...params }),
}));
