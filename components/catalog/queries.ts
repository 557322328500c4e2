"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { taskDetail, taskList, taskSetView } from "@/lib/tasks/schemas";
import { serverList, toolList, toolspaceView } from "@/lib/toolspaces/schemas";

export const PAGE_SIZE = 100;

export function useToolspaces(projectId: string) {
  return useQuery({
    queryKey: qk.toolspaces(projectId),
    queryFn: () => api(projectPath(projectId, "/toolspaces"), {}, z.object({ items: z.array(toolspaceView) })),
  });
}

export type ToolQuery = { q: string; server: string; sort: string; offset: number };

export function useTools(projectId: string, toolspaceId: string | undefined, query: ToolQuery) {
  return useQuery({
    queryKey: qk.tools(projectId, toolspaceId ?? "", query),
    enabled: Boolean(toolspaceId),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(query.offset) });
      if (query.q) p.set("q", query.q);
      if (query.server) p.set("server", query.server);
      if (query.sort) p.set("sort", query.sort);
      return api(projectPath(projectId, `/toolspaces/${toolspaceId}/tools?${p}`), { signal }, toolList);
    },
  });
}

/** The servers of a toolspace with their tool counts and schema tokens, for the server filter. */
export function useToolServers(projectId: string, toolspaceId: string | undefined) {
  return useQuery({
    queryKey: [...qk.tools(projectId, toolspaceId ?? "", {}), "servers"],
    enabled: Boolean(toolspaceId),
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const r = await api(projectPath(projectId, `/toolspaces/${toolspaceId}/servers`), { signal }, serverList);
      return r.items.map((s) => ({ server: s.name, tools: s.tools, schemaTokens: s.schemaTokens }));
    },
  });
}

export function useTaskSets(projectId: string) {
  return useQuery({
    queryKey: qk.taskSets(projectId),
    queryFn: () => api(projectPath(projectId, "/task-sets"), {}, z.object({ items: z.array(taskSetView) })),
  });
}

export type TaskQuery = { taskSetId: string; q: string; sort: string; offset: number };

export function useTasks(projectId: string, query: TaskQuery) {
  return useQuery({
    queryKey: qk.tasks(projectId, query),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(query.offset) });
      if (query.taskSetId) p.set("taskSetId", query.taskSetId);
      if (query.q) p.set("q", query.q);
      if (query.sort) p.set("sort", query.sort);
      return api(projectPath(projectId, `/tasks?${p}`), { signal }, taskList);
    },
  });
}

export function useTask(projectId: string, taskId: string | undefined) {
  return useQuery({
    queryKey: ["task", projectId, taskId],
    enabled: Boolean(taskId),
    queryFn: ({ signal }) => api(projectPath(projectId, `/tasks/${taskId}`), { signal }, taskDetail),
  });
}
