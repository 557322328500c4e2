"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, projectPath } from "@/components/api/client";
import { useToast } from "@/components/ui/toast";
import { type RunDetail, type RunView, runDetail, runList } from "@/lib/runs/schemas";
import { strategyPromptsView } from "@/lib/strategy-prompts/schemas";

// Under the project's key, so that anything invalidating the project refetches these too.
export const runKeys = {
  all: (p: string) => ["project", p, "runs"] as const,
  list: (p: string) => ["project", p, "runs", "list"] as const,
  one: (p: string, r: string) => ["project", p, "runs", "one", r] as const,
  prompts: (p: string) => ["project", p, "strategy-prompts"] as const,
};

export const runActive = (r: Pick<RunView, "status">) =>
  r.status === "queued" || r.status === "running" || r.status === "cancelling";

// Episodes change state without their job's row changing, so a run that is going is read again
// every second; a finished one is not.
const LIVE_MS = 1000;

export const useRuns = (projectId: string) =>
  useQuery({
    queryKey: runKeys.list(projectId),
    queryFn: ({ signal }) => api(projectPath(projectId, "/runs"), { signal }, runList),
    refetchInterval: (q) => (q.state.data?.items.some(runActive) ? LIVE_MS * 2 : false),
  });

export const useRun = (projectId: string, runId: string) =>
  useQuery({
    queryKey: runKeys.one(projectId, runId),
    queryFn: ({ signal }) => api(projectPath(projectId, `/runs/${runId}`), { signal }, runDetail),
    refetchInterval: (q) => (q.state.data && runActive(q.state.data) ? LIVE_MS : false),
  });

export const useStrategyPrompts = (projectId: string, enabled = true) =>
  useQuery({
    queryKey: runKeys.prompts(projectId),
    queryFn: ({ signal }) => api(projectPath(projectId, "/strategy-prompts"), { signal }, strategyPromptsView),
    enabled,
  });

/** cancel, rerun-failed, resume: each answers the run as it is now */
export function useRunAction(projectId: string, runId: string, action: "cancel" | "rerun-failed" | "resume") {
  const qc = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: () => api(projectPath(projectId, `/runs/${runId}/${action}`), { method: "POST" }, runDetail),
    onSuccess: (run: RunDetail) => {
      qc.setQueryData(runKeys.one(projectId, runId), run);
      qc.invalidateQueries({ queryKey: runKeys.list(projectId) });
    },
    onError: (e) => toast({ tone: "error", title: "The run could not be changed", description: e.message }),
  });
}
