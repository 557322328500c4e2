// GET /api/v1/projects/{projectId}/tasks/{taskId} - one task, whole
import { catalog } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getTask } from "@/lib/tasks/server/get-task";

export const dynamic = "force-dynamic";
export const GET = handle(catalog.getTask, async ({ db, params }) => getTask({ db, ...params }));
