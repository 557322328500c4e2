// GET|POST /api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers - servers with health; register one
import { catalog, toolspaces } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { json } from "@/lib/api/server/respond";
import { listServers } from "@/lib/toolspaces/server/list-servers";
import { registerServer, ServerUnreachable } from "@/lib/toolspaces/server/register-server";

export const dynamic = "force-dynamic";
export const GET = handle(catalog.listServers, async ({ db, params }) => ({
  items: await listServers({ db, ...params }),
}));
export const POST = handle(toolspaces.registerServer, async ({ db, params, body }) => {
  try {
    return await registerServer({ db, ...params, input: body });
  } catch (e) {
    // the request was well formed; the server it names did not answer
    if (e instanceof ServerUnreachable)
      return json({ error: { code: "UNREACHABLE", message: e.message, field: "config" } }, 422);
    throw e;
  }
});
