// GET /api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers/{serverId}/snapshots/diff - two versions compared
import { toolspaces } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { diffSnapshots } from "@/lib/toolspaces/server/diff-snapshots";

export const dynamic = "force-dynamic";
export const GET = handle(toolspaces.diffSnapshots, async ({ db, params, query }) =>
  diffSnapshots({ db, ...params, ...query }),
);
