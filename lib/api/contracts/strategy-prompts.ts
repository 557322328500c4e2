// Strategy prompts: the built-in template of each loading strategy and the project's saved versions.
import { promptVersionInput, promptVersionView, strategyPromptsView } from "@/lib/strategy-prompts/schemas";
import { defineContract, KB } from "../contract";
import { projectParams } from "../schemas";

const tag = "strategy-prompts";

export const listStrategyPrompts = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/strategy-prompts",
  summary: "Each loading strategy's built-in prompt, the variables it fills, and the project's saved versions",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: projectParams,
  response: strategyPromptsView,
});

export const saveStrategyPrompt = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/strategy-prompts",
  summary: "Save a strategy prompt as its next version (versions never change); unknown {{variables}} are refused",
  tag,
  access: { kind: "project", role: "editor", scope: null },
  params: projectParams,
  body: promptVersionInput,
  bodyLimit: 64 * KB,
  response: promptVersionView,
  status: 201,
});
