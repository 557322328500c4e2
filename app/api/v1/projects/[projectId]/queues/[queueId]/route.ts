// GET|PATCH|DELETE /api/v1/projects/{projectId}/queues/{queueId} - one queue; edit it; delete it
import { labeling } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { deleteQueue } from "@/lib/labeling/server/delete-queue";
import { getQueue } from "@/lib/labeling/server/get-queue";
import { updateQueue } from "@/lib/labeling/server/update-queue";

export const dynamic = "force-dynamic";
export const GET = handle(labeling.getQueue, async ({ db, params, grant }) =>
  getQueue({ db, ...params, callerId: launcherOf(grant).userId }),
);
export const PATCH = handle(labeling.updateQueue, async ({ db, params, grant, body }) =>
  updateQueue({ db, ...params, callerId: launcherOf(grant).userId, input: body }),
);
export const DELETE = handle(labeling.deleteQueue, async ({ db, params }) => deleteQueue({ db, ...params }));
