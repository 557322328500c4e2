// Judges for criteria that no program can check: model judges behind an OpenAI-compatible endpoint
// and local ONNX models. API keys of model judges go in and never come out.
import { z } from "zod";
import { judgeInput, judgeTestResult, judgeUpdate, judgeView } from "@/lib/judges/schemas";
import { defineContract, KB } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "judges";
const read = { kind: "project", role: "viewer", scope: "read" } as const;
// a judge holds an endpoint and its secret: people who edit the project set them, keys do not
const edit = { kind: "project", role: "editor", scope: null } as const;
const judgeParams = projectParams.extend({ judgeId: uuidParam("judgeId") });

export const listJudges = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/judges",
  summary: "The project's judges, newest first (never their API keys)",
  tag,
  access: read,
  params: projectParams,
  response: z.object({ items: z.array(judgeView) }),
});

export const createJudge = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/judges",
  summary: "Add a model judge (OpenAI-compatible endpoint) or an ONNX judge (a model folder on the studio host)",
  tag,
  access: edit,
  params: projectParams,
  body: judgeInput,
  bodyLimit: 64 * KB,
  response: judgeView,
  status: 201,
});

export const getJudge = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/judges/{judgeId}",
  summary: "One judge (never its API key)",
  tag,
  access: read,
  params: judgeParams,
  response: judgeView,
});

export const updateJudge = defineContract({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/judges/{judgeId}",
  summary: "Replace a judge's name and configuration; without config.apiKey the stored key is kept, null removes it",
  tag,
  access: edit,
  params: judgeParams,
  body: judgeUpdate,
  bodyLimit: 64 * KB,
  response: judgeView,
});

export const deleteJudge = defineContract({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/judges/{judgeId}",
  summary: "Delete a judge; scores it gave stay",
  tag,
  access: edit,
  params: judgeParams,
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
});

export const testJudge = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/judges/{judgeId}/test",
  summary: "Send the judge one tiny judgment and report its latency or the error",
  tag,
  access: edit,
  params: judgeParams,
  response: judgeTestResult,
});
