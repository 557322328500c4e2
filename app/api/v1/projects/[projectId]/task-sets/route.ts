// GET /api/v1/projects/{projectId}/task-sets - task sets with task counts
import { catalog } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listTaskSets } from "@/lib/tasks/server/list-task-sets";

export const dynamic = "force-dynamic";
export const GET = handle(catalog.listTaskSets, async ({ db, params }) => ({
  items: await listTaskSets({ db, projectId: params.projectId }),
}));
