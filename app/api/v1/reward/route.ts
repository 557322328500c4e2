// POST /api/v1/reward - rewards for canonical trajectories, with an API key (judge scope) of the rubric's project
import { reward } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { computeRewards } from "@/lib/judging/server/compute-rewards";

export const dynamic = "force-dynamic";
export const POST = handle(reward.reward, async ({ db, grant, body }) =>
  computeRewards({ db, projectId: grant?.projectId as string, body }),
);
