// GET|PUT /api/v1/projects/{projectId}/trajectories/{trajectoryId}/labels - a trajectory's labels; set yours
import { labeling } from "@/lib/api/contracts";
import { userId } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { listTrajectoryLabels } from "@/lib/labeling/server/list-trajectory-labels";
import { setLabel } from "@/lib/labeling/server/set-label";

export const dynamic = "force-dynamic";
export const GET = handle(labeling.listTrajectoryLabels, async ({ db, params }) => ({
  items: await listTrajectoryLabels({ db, ...params }),
}));
export const PUT = handle(labeling.setLabel, async ({ db, params, grant, body }) =>
  setLabel({ db, ...params, userId: userId(grant), input: body }),
);
