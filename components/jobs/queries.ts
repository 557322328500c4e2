"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { useToast } from "@/components/ui/toast";
import {
  finishedStatuses,
  type JobLogView,
  type JobStatus,
  type JobView,
  jobList,
  jobLogs,
  jobView,
} from "@/lib/jobs/schemas";

export const isActive = (s: JobStatus) => !finishedStatuses.includes(s);

export type JobFilters = { status?: string; type?: string; before?: string };

/** Polling is only a fallback for a dropped event stream, and only while something runs. */
const FALLBACK_POLL_MS = 5000;

export function useJobs(projectId: string, filters: JobFilters) {
  return useQuery({
    queryKey: qk.jobList(projectId, filters),
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ limit: "50" });
      if (filters.status) q.set("status", filters.status);
      if (filters.type) q.set("type", filters.type);
      if (filters.before) q.set("before", filters.before);
      return api(projectPath(projectId, `/jobs?${q}`), { signal }, jobList);
    },
    placeholderData: (prev) => prev,
    refetchInterval: (q) => (q.state.data?.items.some((j) => isActive(j.status)) ? FALLBACK_POLL_MS : false),
  });
}

export function useJob(projectId: string, jobId: string) {
  return useQuery({
    queryKey: qk.job(projectId, jobId),
    queryFn: ({ signal }) => api(projectPath(projectId, `/jobs/${jobId}`), { signal }, jobView),
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? FALLBACK_POLL_MS : false),
  });
}

const MAX_LOG_LINES = 2000;

/** The log tail: each refetch asks only for lines after the last one it has. */
export function useJobLogs(projectId: string, jobId: string, active: boolean) {
  const qc = useQueryClient();
  const key = qk.jobLogs(projectId, jobId);
  return useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const prev = qc.getQueryData<JobLogView[]>(key) ?? [];
      const after = prev.length ? prev[prev.length - 1].id : 0;
      const { items } = await api(projectPath(projectId, `/jobs/${jobId}/logs?after=${after}`), { signal }, jobLogs);
      if (!items.length) return prev;
      return [...prev, ...items].slice(-MAX_LOG_LINES);
    },
    staleTime: 0,
    refetchInterval: active ? FALLBACK_POLL_MS : false,
  });
}

const artifactList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      jobId: z.string().nullable(),
      kind: z.string(),
      filename: z.string(),
      bytes: z.number(),
      createdAt: z.string(),
    }),
  ),
});

export function useJobArtifacts(projectId: string, jobId: string, enabled: boolean) {
  return useQuery({
    queryKey: qk.artifacts(projectId, jobId),
    queryFn: ({ signal }) => api(projectPath(projectId, `/artifacts?jobId=${jobId}`), { signal }, artifactList),
    enabled,
  });
}

export const artifactUrl = (projectId: string, artifactId: string) =>
  projectPath(projectId, `/artifacts/${artifactId}`);

/** For a succeeded export: {artifactId, bytes, records}. */
export function exportResult(job: JobView) {
  const r = job.result as { artifactId?: unknown; bytes?: unknown; records?: unknown } | null;
  if (job.status !== "succeeded" || !r || typeof r.artifactId !== "string") return null;
  return {
    artifactId: r.artifactId,
    bytes: typeof r.bytes === "number" ? r.bytes : null,
    records: typeof r.records === "number" ? r.records : null,
  };
}

function useJobMutation(projectId: string, action: "cancel" | "retry") {
  const qc = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (jobId: string) => api(projectPath(projectId, `/jobs/${jobId}/${action}`), { method: "POST" }, jobView),
    onSuccess: (job) => {
      qc.setQueryData(qk.job(projectId, job.id), job);
      qc.invalidateQueries({ queryKey: qk.jobs(projectId) });
      toast({
        title:
          action === "cancel" ? (job.status === "cancelled" ? "Job cancelled" : "Cancelling…") : "Job queued again",
        description:
          action === "cancel"
            ? "Finished steps are kept; Retry continues from the first unfinished one."
            : "It continues from its first unfinished step.",
      });
    },
    onError: (e) =>
      toast({
        tone: "error",
        title: action === "cancel" ? "Could not cancel the job" : "Could not retry the job",
        description: e.message,
      }),
  });
}

export const useCancelJob = (projectId: string) => useJobMutation(projectId, "cancel");
export const useRetryJob = (projectId: string) => useJobMutation(projectId, "retry");

export function useLaunchExport(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api(projectPath(projectId, "/jobs"), { method: "POST", body: { type: "project.export", payload: {} } }, jobView),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: qk.jobs(projectId) });
      qc.invalidateQueries({ queryKey: qk.stats(projectId) });
    },
  });
}
