"use client";
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api, projectPath } from "@/components/api/client";
import { judgeView } from "@/lib/judges/schemas";

// Under the project's key, so that anything invalidating the project refetches these too.
export const judgeKeys = {
  all: (p: string) => ["project", p, "judges"] as const,
  list: (p: string) => ["project", p, "judges", "list"] as const,
};

export const judgeList = z.object({ items: z.array(judgeView) });

export const useJudges = (projectId: string) =>
  useQuery({
    queryKey: judgeKeys.list(projectId),
    queryFn: ({ signal }) => api(projectPath(projectId, "/judges"), { signal }, judgeList),
  });
