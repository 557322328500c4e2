"use client";
import { useQuery } from "@tanstack/react-query";
import { api, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { serverList, snapshotDiff, snapshotList } from "@/lib/toolspaces/schemas";

// Under qk.toolspaces, so that a change to a toolspace refetches its counts, servers and versions together.
export const toolspaceKeys = {
  servers: (p: string, t: string) => [...qk.toolspaces(p), t, "server-rows"] as const,
  snapshots: (p: string, t: string, s: string) => [...qk.toolspaces(p), t, "snapshots", s] as const,
  diff: (p: string, t: string, s: string, from: number, to: number) =>
    [...qk.toolspaces(p), t, "snapshots", s, "diff", from, to] as const,
};

/** A toolspace's servers with connection, health, versions and schema tokens. */
export function useServerRows(projectId: string, toolspaceId: string | undefined) {
  return useQuery({
    queryKey: toolspaceKeys.servers(projectId, toolspaceId ?? ""),
    enabled: Boolean(toolspaceId),
    queryFn: async ({ signal }) =>
      (await api(projectPath(projectId, `/toolspaces/${toolspaceId}/servers`), { signal }, serverList)).items,
  });
}

export function useSnapshots(projectId: string, toolspaceId: string, serverId: string | null) {
  return useQuery({
    queryKey: toolspaceKeys.snapshots(projectId, toolspaceId, serverId ?? ""),
    enabled: Boolean(serverId),
    queryFn: async ({ signal }) =>
      (
        await api(
          projectPath(projectId, `/toolspaces/${toolspaceId}/servers/${serverId}/snapshots`),
          { signal },
          snapshotList,
        )
      ).items,
  });
}

export function useSnapshotDiff(projectId: string, toolspaceId: string, serverId: string, from: number, to: number) {
  return useQuery({
    queryKey: toolspaceKeys.diff(projectId, toolspaceId, serverId, from, to),
    enabled: from !== to,
    queryFn: ({ signal }) =>
      api(
        projectPath(projectId, `/toolspaces/${toolspaceId}/servers/${serverId}/snapshots/diff?from=${from}&to=${to}`),
        { signal },
        snapshotDiff,
      ),
  });
}
