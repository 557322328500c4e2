// Policies: the OpenAI-compatible endpoints benchmark runs send episodes to. API keys go in and never come out.
import { z } from "zod";
import { policyInput, policyList, policyTestResult, policyView } from "@/lib/policies/schemas";
import { defineContract, KB } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "policies";
const read = { kind: "project", role: "viewer", scope: "read" } as const;
// a policy holds an endpoint and its secret: people who edit the project set them, keys do not
const edit = { kind: "project", role: "editor", scope: null } as const;
const policyParams = projectParams.extend({ policyId: uuidParam("policyId") });

export const listPolicies = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/policies",
  summary: "The project's policies, newest first (never their API keys)",
  tag,
  access: read,
  params: projectParams,
  response: policyList,
});

export const createPolicy = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/policies",
  summary: "Add a policy: an OpenAI-compatible endpoint with tool calling, its model and sampling settings",
  tag,
  access: edit,
  params: projectParams,
  body: policyInput,
  bodyLimit: 16 * KB,
  response: policyView,
  status: 201,
});

export const getPolicy = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/policies/{policyId}",
  summary: "One policy (never its API key)",
  tag,
  access: read,
  params: policyParams,
  response: policyView,
});

export const updatePolicy = defineContract({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/policies/{policyId}",
  summary: "Replace a policy's endpoint and settings; without apiKey the stored key is kept, null removes it",
  tag,
  access: edit,
  params: policyParams,
  body: policyInput,
  bodyLimit: 16 * KB,
  response: policyView,
});

export const deletePolicy = defineContract({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/policies/{policyId}",
  summary: "Delete a policy; runs that used it keep their results and its name and model",
  tag,
  access: edit,
  params: policyParams,
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
});

export const testPolicy = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/policies/{policyId}/test",
  summary: "Send the policy one small chat with one tiny tool: latency, whether it called the tool, or the error",
  tag,
  access: edit,
  params: policyParams,
  response: policyTestResult,
});
