"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, projectPath } from "@/components/api/client";
import {
  type JudgingRunInput,
  type JudgingRunView,
  judgingResults,
  judgingRunList,
  judgingRunView,
} from "@/lib/judging/schemas";
import { rubricDetail, rubricList } from "@/lib/rubrics/schemas";
import { trajectoryList } from "@/lib/trajectories/schemas";

// Under the project's key, so that anything invalidating the project refetches these too. The
// rubric keys match the rubrics pages' own, so both share one cache entry.
export const playgroundKeys = {
  rubrics: (p: string) => ["project", p, "rubrics", "list"] as const,
  rubric: (p: string, r: string) => ["project", p, "rubrics", "one", r] as const,
  runs: (p: string) => ["project", p, "judging-runs"] as const,
  run: (p: string, id: string) => ["project", p, "judging-runs", "one", id] as const,
  results: (p: string, id: string) => ["project", p, "judging-runs", "one", id, "results"] as const,
  search: (p: string, q: string, task: string) => ["project", p, "playground-search", q, task] as const,
};

const finished = (r: JudgingRunView | undefined) =>
  !!r && (r.status === null || ["succeeded", "failed", "cancelled"].includes(r.status));
/** Job events refresh runs through the job queries; this is the fallback while one works. */
const POLL_MS = 1500;

export const useRubricList = (projectId: string) =>
  useQuery({
    queryKey: playgroundKeys.rubrics(projectId),
    queryFn: ({ signal }) => api(projectPath(projectId, "/rubrics"), { signal }, rubricList),
  });

export const useRubricDetail = (projectId: string, rubricId: string) =>
  useQuery({
    queryKey: playgroundKeys.rubric(projectId, rubricId),
    queryFn: ({ signal }) => api(projectPath(projectId, `/rubrics/${rubricId}`), { signal }, rubricDetail),
    enabled: !!rubricId,
  });

export const useJudgingRuns = (projectId: string) =>
  useQuery({
    queryKey: playgroundKeys.runs(projectId),
    queryFn: ({ signal }) => api(projectPath(projectId, "/judging-runs?limit=30"), { signal }, judgingRunList),
    refetchInterval: (q) => (q.state.data?.items.some((r) => !finished(r)) ? POLL_MS * 2 : false),
  });

export const useJudgingRun = (projectId: string, runId: string) =>
  useQuery({
    queryKey: playgroundKeys.run(projectId, runId),
    queryFn: ({ signal }) => api(projectPath(projectId, `/judging-runs/${runId}`), { signal }, judgingRunView),
    enabled: !!runId,
    refetchInterval: (q) => (q.state.data && !finished(q.state.data) ? POLL_MS : false),
  });

export const useJudgingResults = (projectId: string, runId: string, running: boolean) =>
  useQuery({
    queryKey: playgroundKeys.results(projectId, runId),
    queryFn: ({ signal }) => api(projectPath(projectId, `/judging-runs/${runId}/results`), { signal }, judgingResults),
    enabled: !!runId,
    placeholderData: keepPreviousData,
    refetchInterval: running ? POLL_MS : false,
  });

export function useStartRun(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: JudgingRunInput) =>
      api(projectPath(projectId, "/judging-runs"), { method: "POST", body }, judgingRunView),
    onSuccess: () => qc.invalidateQueries({ queryKey: playgroundKeys.runs(projectId) }),
  });
}

export const useTrajectorySearch = (projectId: string, q: string, task: string) =>
  useQuery({
    queryKey: playgroundKeys.search(projectId, q, task),
    queryFn: ({ signal }) => {
      const s = new URLSearchParams({ limit: "50" });
      if (q) s.set("q", q);
      if (task) s.set("task", task);
      return api(projectPath(projectId, `/trajectories?${s}`), { signal }, trajectoryList);
    },
    placeholderData: keepPreviousData,
  });

export { finished as runFinished };
