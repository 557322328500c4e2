import { z } from "zod";
import { apiKeyView, createApiKeyInput, createdApiKey } from "@/lib/api-keys/schemas";
import { defineContract } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "api keys";

export const listApiKeys = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/api-keys",
  summary: "The project's API keys (never their secrets)",
  tag,
  access: { kind: "project", role: "admin", scope: null },
  params: projectParams,
  response: z.object({ items: z.array(apiKeyView) }),
});

export const createApiKey = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/api-keys",
  summary: "Create an API key; the secret is in this response only",
  tag,
  access: { kind: "project", role: "admin", scope: null },
  params: projectParams,
  body: createApiKeyInput,
  response: createdApiKey,
  status: 201,
});

export const revokeApiKey = defineContract({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/api-keys/{keyId}",
  summary: "Revoke an API key; calls with it fail from now on",
  tag,
  access: { kind: "project", role: "admin", scope: null },
  params: projectParams.extend({ keyId: uuidParam("keyId") }),
  response: apiKeyView,
});
