"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, projectPath } from "@/components/api/client";
import { leaderboard } from "@/lib/leaderboards/schemas";

// Under the project's key, so that anything invalidating the project refetches these too.
export const leaderboardKeys = {
  all: (p: string) => ["project", p, "leaderboards"] as const,
  one: (p: string, taskSetId: string) => ["project", p, "leaderboards", taskSetId] as const,
};

export const useLeaderboard = (projectId: string, taskSetId: string) =>
  useQuery({
    queryKey: leaderboardKeys.one(projectId, taskSetId),
    queryFn: ({ signal }) =>
      api(
        projectPath(projectId, `/leaderboards${taskSetId ? `?taskSetId=${encodeURIComponent(taskSetId)}` : ""}`),
        { signal },
        leaderboard,
      ),
    // switching task sets keeps the old board on screen until the new one arrives
    placeholderData: keepPreviousData,
  });
