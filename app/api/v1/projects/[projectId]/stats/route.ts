// GET /api/v1/projects/{projectId}/stats - counts of what the project holds
import { projects } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getProjectStats } from "@/lib/projects/server/project-stats";

export const dynamic = "force-dynamic";
export const GET = handle(projects.getProjectStats, async ({ db, params }) =>
  getProjectStats({ db, projectId: params.projectId }),
);
