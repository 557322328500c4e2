"use client";
import { useQuery } from "@tanstack/react-query";
import { api, projectPath } from "@/components/api/client";
import { fullStepView, trajectoryViewInBrowser } from "@/lib/trajectories/view-schemas";

// Under the project's key, so that anything invalidating the project refetches these too.
export const trajectoryKeys = {
  one: (projectId: string, trajectoryId: string) =>
    ["project", projectId, "trajectories", "one", trajectoryId] as const,
  step: (projectId: string, trajectoryId: string, index: number) =>
    ["project", projectId, "trajectories", "one", trajectoryId, "step", index] as const,
};

export const trajectoryPath = (projectId: string, trajectoryId: string) =>
  projectPath(projectId, `/trajectories/${trajectoryId}`);

/** A stored episode does not change: fetched once per visit. */
export function useTrajectory(projectId: string, trajectoryId: string | null) {
  return useQuery({
    queryKey: trajectoryKeys.one(projectId, trajectoryId ?? ""),
    queryFn: ({ signal }) =>
      api(trajectoryPath(projectId, trajectoryId as string), { signal }, trajectoryViewInBrowser),
    enabled: !!trajectoryId,
    staleTime: 5 * 60_000,
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  });
}

/** One step whole: fetched only when someone expands a shortened field. */
export function useFullStep(projectId: string, trajectoryId: string, index: number, enabled: boolean) {
  return useQuery({
    queryKey: trajectoryKeys.step(projectId, trajectoryId, index),
    queryFn: ({ signal }) => api(`${trajectoryPath(projectId, trajectoryId)}/steps/${index}`, { signal }, fullStepView),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
