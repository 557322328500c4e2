// GET|POST /api/v1/projects/{projectId}/label-schemas - list label schemas; create one
import { labeling } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { createLabelSchema } from "@/lib/labeling/server/create-label-schema";
import { listLabelSchemas } from "@/lib/labeling/server/list-label-schemas";

export const dynamic = "force-dynamic";
export const GET = handle(labeling.listLabelSchemas, async ({ db, params, query }) => ({
  items: await listLabelSchemas({ db, projectId: params.projectId, archived: query.archived }),
}));
export const POST = handle(labeling.createLabelSchema, async ({ db, params, grant, body }) =>
  createLabelSchema({ db, projectId: params.projectId, userId: launcherOf(grant).userId, input: body }),
);
