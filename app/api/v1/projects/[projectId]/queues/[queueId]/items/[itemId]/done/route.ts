// PUT|DELETE /api/v1/projects/{projectId}/queues/{queueId}/items/{itemId}/done - mark an item done by you; take it back
import { labeling } from "@/lib/api/contracts";
import { userId } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { setItemDone } from "@/lib/labeling/server/set-item-done";

export const dynamic = "force-dynamic";
export const PUT = handle(labeling.markItemDone, async ({ db, params, grant }) =>
  setItemDone({ db, ...params, userId: userId(grant), done: true }),
);
export const DELETE = handle(labeling.unmarkItemDone, async ({ db, params, grant }) =>
  setItemDone({ db, ...params, userId: userId(grant), done: false }),
);
