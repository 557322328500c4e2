// GET /api/v1/projects/{projectId}/trajectories - filter, sort and page trajectories
import { trajectories } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listTrajectories } from "@/lib/trajectories/server/list-trajectories";

export const dynamic = "force-dynamic";
export const GET = handle(trajectories.listTrajectories, async ({ db, params, query }) =>
  listTrajectories({ db, projectId: params.projectId, query }),
);
