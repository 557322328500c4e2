// GET /api/v1/projects/{projectId}/toolspaces/{toolspaceId}/tools - search, filter, sort and page tools
import { catalog } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listTools } from "@/lib/toolspaces/server/list-tools";

export const dynamic = "force-dynamic";
export const GET = handle(catalog.listTools, async ({ db, params, query }) => listTools({ db, ...params, query }));
