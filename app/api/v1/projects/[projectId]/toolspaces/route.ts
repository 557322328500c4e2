// GET /api/v1/projects/{projectId}/toolspaces - toolspaces with server and tool counts
import { catalog } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listToolspaces } from "@/lib/toolspaces/server/list-toolspaces";

export const dynamic = "force-dynamic";
export const GET = handle(catalog.listToolspaces, async ({ db, params }) => ({
  items: await listToolspaces({ db, projectId: params.projectId }),
}));
