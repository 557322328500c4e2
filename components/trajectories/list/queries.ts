"use client";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, projectPath } from "@/components/api/client";
import { trajectoryFacets, trajectoryList } from "@/lib/trajectories/schemas";

// Under the project's key, as the viewer's are: invalidating ["project", id, "trajectories"]
// (after an import, a label) refreshes the list and its facets.
export const trajectoryListKeys = {
  all: (projectId: string) => ["project", projectId, "trajectories"] as const,
  list: (projectId: string, params: string) => ["project", projectId, "trajectories", "list", params] as const,
  facets: (projectId: string) => ["project", projectId, "trajectories", "facets"] as const,
};

/**
 * Pages of the list from `cursor` on (the URL's); "load more" appends the next page, so the
 * table can hold thousands of rows (it virtualizes them).
 */
export function useTrajectoryPages(projectId: string, params: URLSearchParams, cursor: string) {
  const qs = params.toString();
  return useInfiniteQuery({
    queryKey: [...trajectoryListKeys.list(projectId, qs), cursor],
    initialPageParam: cursor,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam, signal }) => {
      const p = new URLSearchParams(qs);
      if (pageParam) p.set("cursor", pageParam);
      return api(projectPath(projectId, `/trajectories?${p}`), { signal }, trajectoryList);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // a bad filter typed into the URL answers 400: retrying cannot help
    retry: (n, e) => n < 2 && !((e as { status?: number }).status ?? 0),
  });
}

export function useTrajectoryFacets(projectId: string) {
  return useQuery({
    queryKey: trajectoryListKeys.facets(projectId),
    queryFn: ({ signal }) => api(projectPath(projectId, "/trajectories/facets"), { signal }, trajectoryFacets),
    staleTime: 30_000,
  });
}
