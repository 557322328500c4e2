// POST /api/v1/projects/{projectId}/rubrics/import - rubrics from MCP-Atlas claims, tau2 tasks or a criteria list
import { rubrics } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { importRubrics } from "@/lib/rubrics/server/import-rubrics";

export const dynamic = "force-dynamic";
export const POST = handle(rubrics.importRubrics, async ({ db, params, grant, body }) =>
  db.transaction((tx) =>
    importRubrics({ db: tx, projectId: params.projectId, userId: launcherOf(grant).userId, input: body }),
  ),
);
