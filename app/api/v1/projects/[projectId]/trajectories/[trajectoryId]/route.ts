// GET /api/v1/projects/{projectId}/trajectories/{trajectoryId} - one trajectory with its steps, long text shortened
import { trajectoryView } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getTrajectory } from "@/lib/trajectories/server/get-trajectory";

export const dynamic = "force-dynamic";
export const GET = handle(trajectoryView.getTrajectory, ({ db, params }) => getTrajectory({ db, ...params }));
