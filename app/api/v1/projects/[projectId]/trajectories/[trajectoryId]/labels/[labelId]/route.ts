// DELETE /api/v1/projects/{projectId}/trajectories/{trajectoryId}/labels/{labelId} - delete one of your labels
import { labeling } from "@/lib/api/contracts";
import { userId } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { deleteLabel } from "@/lib/labeling/server/delete-label";

export const dynamic = "force-dynamic";
export const DELETE = handle(labeling.deleteLabel, async ({ db, params, grant }) =>
  deleteLabel({ db, ...params, userId: userId(grant) }),
);
