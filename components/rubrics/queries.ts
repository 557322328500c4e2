"use client";
import { useQuery } from "@tanstack/react-query";
import { api, projectPath } from "@/components/api/client";
import { rubricDetail, rubricDiff, rubricList } from "@/lib/rubrics/schemas";

// Under the project's key, so that anything invalidating the project refetches these too.
export const rubricKeys = {
  all: (p: string) => ["project", p, "rubrics"] as const,
  list: (p: string) => ["project", p, "rubrics", "list"] as const,
  one: (p: string, r: string) => ["project", p, "rubrics", "one", r] as const,
  diff: (p: string, r: string, from: number, to: number) =>
    ["project", p, "rubrics", "one", r, "diff", from, to] as const,
};

export const useRubrics = (projectId: string) =>
  useQuery({
    queryKey: rubricKeys.list(projectId),
    queryFn: ({ signal }) => api(projectPath(projectId, "/rubrics"), { signal }, rubricList),
  });

export const useRubric = (projectId: string, rubricId: string | null) =>
  useQuery({
    queryKey: rubricKeys.one(projectId, rubricId ?? ""),
    queryFn: ({ signal }) => api(projectPath(projectId, `/rubrics/${rubricId}`), { signal }, rubricDetail),
    enabled: !!rubricId,
  });

export const useRubricDiff = (projectId: string, rubricId: string, from: number, to: number) =>
  useQuery({
    queryKey: rubricKeys.diff(projectId, rubricId, from, to),
    queryFn: ({ signal }) =>
      api(projectPath(projectId, `/rubrics/${rubricId}/diff?from=${from}&to=${to}`), { signal }, rubricDiff),
    enabled: from > 0 && to > 0,
  });

export const ruleText: Record<string, string> = {
  "weighted-mean": "weighted mean",
  "category-weighted": "category-weighted",
  "essential-gate": "essential gate",
  "coverage-pass": "coverage pass",
  holistic: "holistic",
};
