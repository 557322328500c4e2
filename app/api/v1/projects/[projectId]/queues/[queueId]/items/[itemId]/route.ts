// GET /api/v1/projects/{projectId}/queues/{queueId}/items/{itemId} - one item with its steps and labels
import { labeling } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getQueueItem } from "@/lib/labeling/server/get-queue-item";

export const dynamic = "force-dynamic";
export const GET = handle(labeling.getQueueItem, async ({ db, params }) => getQueueItem({ db, ...params }));
