"use client";
import { useQuery } from "@tanstack/react-query";
import { api, projectPath } from "@/components/api/client";
import { strategyPromptsView } from "@/lib/strategy-prompts/schemas";

// Under the project's key, so that anything invalidating the project refetches these too.
export const promptKeys = {
  all: (p: string) => ["project", p, "strategy-prompts"] as const,
};

export const useStrategyPrompts = (projectId: string) =>
  useQuery({
    queryKey: promptKeys.all(projectId),
    queryFn: ({ signal }) => api(projectPath(projectId, "/strategy-prompts"), { signal }, strategyPromptsView),
  });
