// GET|POST /api/v1/projects/{projectId}/queues - annotation queues with progress; create one
import { labeling } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { createQueue } from "@/lib/labeling/server/create-queue";
import { listQueues } from "@/lib/labeling/server/list-queues";

export const dynamic = "force-dynamic";
export const GET = handle(labeling.listQueues, async ({ db, params, grant }) => ({
  items: await listQueues({ db, projectId: params.projectId, callerId: launcherOf(grant).userId }),
}));
export const POST = handle(labeling.createQueue, async ({ db, params, grant, body }) =>
  createQueue({ db, projectId: params.projectId, userId: launcherOf(grant).userId, input: body }),
);
