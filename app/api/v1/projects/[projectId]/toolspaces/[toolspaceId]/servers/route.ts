// GET /api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers - servers with tool counts
import { catalog } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listServers } from "@/lib/toolspaces/server/list-servers";

export const dynamic = "force-dynamic";
export const GET = handle(catalog.listServers, async ({ db, params }) => ({
  items: await listServers({ db, ...params }),
}));
