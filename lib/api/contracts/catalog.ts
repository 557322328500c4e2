// Read-only lists of what a project holds: toolspaces and their tools, task sets and tasks.
import { z } from "zod";
import { taskDetail, taskList, taskListQuery, taskSetView } from "@/lib/tasks/schemas";
import { serverList, toolList, toolListQuery, toolspaceView } from "@/lib/toolspaces/schemas";
import { defineContract } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const read = { kind: "project", role: "viewer", scope: "read" } as const;

export const listToolspaces = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/toolspaces",
  summary: "Toolspaces with their server and tool counts",
  tag: "toolspaces",
  access: read,
  params: projectParams,
  response: z.object({ items: z.array(toolspaceView) }),
});

export const listTools = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/toolspaces/{toolspaceId}/tools",
  summary: "A toolspace's tools: search by name or description, filter by server, sort, page",
  tag: "toolspaces",
  access: read,
  params: projectParams.extend({ toolspaceId: uuidParam("toolspaceId") }),
  query: toolListQuery,
  response: toolList,
});

export const listServers = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers",
  summary: "A toolspace's MCP servers with their tool counts",
  tag: "toolspaces",
  access: read,
  params: projectParams.extend({ toolspaceId: uuidParam("toolspaceId") }),
  response: serverList,
});

export const listTaskSets = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/task-sets",
  summary: "Task sets with their task counts",
  tag: "tasks",
  access: read,
  params: projectParams,
  response: z.object({ items: z.array(taskSetView) }),
});

export const listTasks = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/tasks",
  summary: "Tasks: filter by task set, search the prompt and id, sort, page",
  tag: "tasks",
  access: read,
  params: projectParams,
  query: taskListQuery,
  response: taskList,
});

export const getTask = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/tasks/{taskId}",
  summary: "One task with its whole prompt and its reference material (answer, claims, gold actions)",
  tag: "tasks",
  access: read,
  params: projectParams.extend({ taskId: uuidParam("taskId") }),
  response: taskDetail,
});
