// The trajectory list and the values it can be filtered by.
import { trajectoryFacets, trajectoryList, trajectoryListQuery } from "@/lib/trajectories/schemas";
import { defineContract } from "../contract";
import { projectParams } from "../schemas";

const read = { kind: "project", role: "viewer", scope: "read" } as const;

export const listTrajectories = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/trajectories",
  summary:
    "Trajectories: filter by run, task, outcome, reward range, tools used, tool errors, labels, policy, loading strategy and full-text search (q); sort; keyset pages (cursor) with a total",
  tag: "trajectories",
  access: read,
  params: projectParams,
  query: trajectoryListQuery,
  response: trajectoryList,
});

export const listTrajectoryFacets = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/trajectories/facets",
  summary:
    "What the trajectory list can be filtered by: runs, task ids, tools used, policies, strategies, outcomes, with counts",
  tag: "trajectories",
  access: read,
  params: projectParams,
  response: trajectoryFacets,
});
