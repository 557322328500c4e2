// GET|POST /api/v1/projects/{projectId}/queues/{queueId}/items - a queue's items; append trajectories
import { labeling } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { addQueueItems } from "@/lib/labeling/server/add-queue-items";
import { listQueueItems } from "@/lib/labeling/server/list-queue-items";

export const dynamic = "force-dynamic";
export const GET = handle(labeling.listQueueItems, async ({ db, params }) => ({
  items: await listQueueItems({ db, ...params }),
}));
export const POST = handle(labeling.addQueueItems, async ({ db, params, body }) =>
  addQueueItems({ db, ...params, input: body }),
);
