import { z } from "zod";
import {
  addedMember,
  memberInput,
  memberPatch,
  memberView,
  projectInput,
  projectPatch,
  projectStats,
  projectView,
} from "@/lib/projects/schemas";
import { defineContract } from "../contract";
import { projectParams } from "../schemas";

const tag = "projects";
const memberParams = projectParams.extend({ userId: z.string().min(1) });

export const listProjects = defineContract({
  method: "GET",
  path: "/api/v1/projects",
  summary: "The projects the signed-in user is a member of",
  tag,
  access: { kind: "user" },
  response: z.object({ items: z.array(projectView) }),
});

export const createProject = defineContract({
  method: "POST",
  path: "/api/v1/projects",
  summary: "Create a project; the caller becomes its admin",
  tag,
  access: { kind: "user" },
  body: projectInput,
  response: projectView,
  status: 201,
});

export const getProject = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}",
  summary: "One project",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: projectParams,
  response: projectView,
});

export const updateProject = defineContract({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}",
  summary: "Rename or describe a project",
  tag,
  access: { kind: "project", role: "admin", scope: null },
  params: projectParams,
  body: projectPatch,
  response: projectView,
});

export const getProjectStats = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/stats",
  summary: "How many toolspaces, tasks, rubrics, trajectories, runs and jobs a project holds",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: projectParams,
  response: projectStats,
});

export const listMembers = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/members",
  summary: "Members and their roles",
  tag,
  access: { kind: "project", role: "viewer", scope: null },
  params: projectParams,
  response: z.object({ items: z.array(memberView) }),
});

export const addMember = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/members",
  summary: "Add a member by email; a new email gets an account whose first password is returned once",
  tag,
  access: { kind: "project", role: "admin", scope: null },
  params: projectParams,
  body: memberInput,
  response: addedMember,
  status: 201,
});

export const updateMember = defineContract({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/members/{userId}",
  summary: "Change a member's role",
  tag,
  access: { kind: "project", role: "admin", scope: null },
  params: memberParams,
  body: memberPatch,
  response: memberView,
});

export const removeMember = defineContract({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/members/{userId}",
  summary: "Remove a member (the last admin cannot be removed)",
  tag,
  access: { kind: "project", role: "admin", scope: null },
  params: memberParams,
  response: z.object({ userId: z.string() }),
});
