// GET /api/v1/projects/{projectId}/trajectories/facets - values to filter the trajectory list by, with counts
import { trajectories } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listTrajectoryFacets } from "@/lib/trajectories/server/list-trajectory-facets";

export const dynamic = "force-dynamic";
export const GET = handle(trajectories.listTrajectoryFacets, async ({ db, params }) =>
  listTrajectoryFacets({ db, projectId: params.projectId }),
);
