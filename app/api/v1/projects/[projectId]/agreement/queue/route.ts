// POST /api/v1/projects/{projectId}/agreement/queue - send a judge's disagreements with people to a new queue
import { agreement } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { sendDisagreementsToQueue } from "@/lib/judging/server/agreement-queue";

export const dynamic = "force-dynamic";
export const POST = handle(agreement.sendDisagreements, async ({ db, params, grant, body }) =>
  sendDisagreementsToQueue({ db, projectId: params.projectId, userId: launcherOf(grant).userId, input: body }),
);
