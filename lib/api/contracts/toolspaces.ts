// Changing toolspaces: create one, register MCP servers (connected and snapshotted on the way in),
// check them, read their tool-list versions. Reading lists lives in catalog.ts.
import { z } from "zod";
import {
  checkResult,
  serverInput,
  serverRow,
  snapshotDiff,
  snapshotDiffQuery,
  snapshotList,
  toolspaceInput,
  toolspaceView,
} from "@/lib/toolspaces/schemas";
import { defineContract, KB } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "toolspaces";
const read = { kind: "project", role: "viewer", scope: "read" } as const;
// a stdio server is a command the studio's host runs: people who edit the project register them, keys do not
const edit = { kind: "project", role: "editor", scope: null } as const;
const spaceParams = projectParams.extend({ toolspaceId: uuidParam("toolspaceId") });
const serverParams = spaceParams.extend({ serverId: uuidParam("serverId") });

export const createToolspace = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/toolspaces",
  summary: "Create an empty toolspace to register MCP servers into",
  tag,
  access: edit,
  params: projectParams,
  body: toolspaceInput,
  bodyLimit: 16 * KB,
  response: toolspaceView,
  status: 201,
});

export const registerServer = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers",
  summary:
    "Register an MCP server (stdio: command, args, env, cwd; Streamable HTTP: url, headers): connects, snapshots its tools as version 1; 422 with the reason when it cannot be reached, nothing saved",
  tag,
  access: edit,
  params: spaceParams,
  body: serverInput,
  bodyLimit: 64 * KB,
  response: serverRow,
  status: 201,
});

export const deleteServer = defineContract({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers/{serverId}",
  summary: "Remove a server with its tools and tool-list versions",
  tag,
  access: edit,
  params: serverParams,
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
});

export const checkServer = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers/{serverId}/check",
  summary:
    "Health check and re-snapshot: connect, list tools, record latency or the error; a changed tool list adds a version",
  tag,
  access: { kind: "project", role: "editor", scope: "run" },
  params: serverParams,
  response: checkResult,
});

export const listSnapshots = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers/{serverId}/snapshots",
  summary: "A server's tool-list versions, newest first, with tool counts and schema tokens",
  tag,
  access: read,
  params: serverParams,
  response: snapshotList,
});

export const diffSnapshots = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/toolspaces/{toolspaceId}/servers/{serverId}/snapshots/diff",
  summary: "What changed between two tool-list versions: tools added, removed, changed",
  tag,
  access: read,
  params: serverParams,
  query: snapshotDiffQuery,
  response: snapshotDiff,
});
