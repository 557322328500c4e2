// GET /api/v1/projects/{projectId}/tasks - search, filter, sort and page tasks
import { catalog } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listTasks } from "@/lib/tasks/server/list-tasks";

export const dynamic = "force-dynamic";
export const GET = handle(catalog.listTasks, async ({ db, params, query }) =>
  listTasks({ db, projectId: params.projectId, query }),
);
