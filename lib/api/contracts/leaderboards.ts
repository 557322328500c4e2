// Leaderboards: benchmark runs on a task set, ranked.
import { leaderboard, leaderboardQuery } from "@/lib/leaderboards/schemas";
import { defineContract } from "../contract";
import { projectParams } from "../schemas";

export const getLeaderboard = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/leaderboards",
  summary:
    "A task set's leaderboard: per benchmark run, mean reward with a bootstrap 95% interval, pass rate, per-category means, turns, context tokens, tool calls and time; the Pareto front of context against score; and the task sets that have runs (taskSetId picks one, default the latest run's)",
  tag: "leaderboards",
  access: { kind: "project", role: "viewer", scope: "read" },
  params: projectParams,
  query: leaderboardQuery,
  response: leaderboard,
});
