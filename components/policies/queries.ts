"use client";
import { useQuery } from "@tanstack/react-query";
import { api, projectPath } from "@/components/api/client";
import { policyList } from "@/lib/policies/schemas";

// Under the project's key, so that anything invalidating the project refetches these too.
export const policyKeys = {
  all: (p: string) => ["project", p, "policies"] as const,
  list: (p: string) => ["project", p, "policies", "list"] as const,
};

export const usePolicies = (projectId: string) =>
  useQuery({
    queryKey: policyKeys.list(projectId),
    queryFn: ({ signal }) => api(projectPath(projectId, "/policies"), { signal }, policyList),
  });
