// GET /api/v1/projects/{projectId}/trajectories/{trajectoryId}/steps/{index} - one step with its message whole
import { trajectoryView } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getStep, parseStepIndex } from "@/lib/trajectories/server/get-step";

export const dynamic = "force-dynamic";
export const GET = handle(trajectoryView.getTrajectoryStep, ({ db, params }) =>
  getStep({ db, projectId: params.projectId, trajectoryId: params.trajectoryId, index: parseStepIndex(params.index) }),
);
