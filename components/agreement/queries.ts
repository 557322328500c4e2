"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, projectPath } from "@/components/api/client";
import { agreementReport, disagreementQueueResult } from "@/lib/judging/agreement-schemas";

// Under the project's key, so that anything invalidating the project refetches it too.
export const agreementKeys = {
  all: (p: string) => ["project", p, "agreement"] as const,
  report: (p: string, rubricId: string) => ["project", p, "agreement", rubricId] as const,
};

export const useAgreement = (projectId: string, rubricId: string) =>
  useQuery({
    queryKey: agreementKeys.report(projectId, rubricId),
    queryFn: ({ signal }) =>
      api(projectPath(projectId, `/agreement${rubricId ? `?rubricId=${rubricId}` : ""}`), { signal }, agreementReport),
  });

export function useSendDisagreements(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { labelSchemaId: string; judgeKey: string }) =>
      api(projectPath(projectId, "/agreement/queue"), { method: "POST", body }, disagreementQueueResult),
    // the labeling pages list queues
    onSuccess: () => qc.invalidateQueries({ queryKey: ["project", projectId, "labeling"] }),
  });
}

export const percent = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);
export const fixed = (x: number) => (Object.is(Math.round(x * 100), -0) ? "0.00" : x.toFixed(2));
