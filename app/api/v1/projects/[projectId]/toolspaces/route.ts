// GET|POST /api/v1/projects/{projectId}/toolspaces - toolspaces with counts; create an empty one
import { catalog, toolspaces } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { createToolspace } from "@/lib/toolspaces/server/create-toolspace";
import { listToolspaces } from "@/lib/toolspaces/server/list-toolspaces";

export const dynamic = "force-dynamic";
export const GET = handle(catalog.listToolspaces, async ({ db, params }) => ({
  items: await listToolspaces({ db, projectId: params.projectId }),
}));
export const POST = handle(toolspaces.createToolspace, async ({ db, params, body }) =>
  createToolspace({ db, projectId: params.projectId, input: body }),
);
