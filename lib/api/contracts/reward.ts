// The reward API for trainers: canonical trajectories in, rewards with their breakdown out.
import { rewardBody, rewardResponse } from "@/lib/judging/schemas";
import { defineContract, MB } from "../contract";

export const reward = defineContract({
  method: "POST",
  path: "/api/v1/reward",
  summary:
    "Reward up to 64 trajectories (canonical format) with a rubric version and a judge: reward, pass, per-criterion breakdown, and the group's mean and std when a groupId is sent; cached by trajectory content. For API keys with the judge scope: the project is the key's own",
  tag: "reward",
  access: { kind: "key", scope: "judge" },
  body: rewardBody,
  // 64 records of ~100 KB each
  bodyLimit: 8 * MB,
  response: rewardResponse,
});
