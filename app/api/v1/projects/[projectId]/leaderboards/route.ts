// GET /api/v1/projects/{projectId}/leaderboards - a task set's benchmark runs, ranked, and the task sets that have runs
import { leaderboards } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getLeaderboard } from "@/lib/leaderboards/server/get-leaderboard";

export const dynamic = "force-dynamic";
export const GET = handle(leaderboards.getLeaderboard, async ({ db, params, query }) =>
  getLeaderboard({ db, projectId: params.projectId, query }),
);
