// GET|PATCH /api/v1/projects/{projectId}/label-schemas/{labelSchemaId} - one label schema; edit or archive it
import { labeling } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getLabelSchema } from "@/lib/labeling/server/get-label-schema";
import { updateLabelSchema } from "@/lib/labeling/server/update-label-schema";

export const dynamic = "force-dynamic";
export const GET = handle(labeling.getLabelSchema, async ({ db, params }) => getLabelSchema({ db, ...params }));
export const PATCH = handle(labeling.updateLabelSchema, async ({ db, params, body }) =>
  updateLabelSchema({ db, ...params, input: body }),
);
