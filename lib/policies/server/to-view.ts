import type { Policy } from "@/db/schema";
import { type PolicyView, policyStoredConfig } from "../schemas";

/** What leaves the server: the settings without the API key, and whether one is stored. */
export function toPolicyView(row: Policy): PolicyView {
  const { apiKey, ...settings } = policyStoredConfig.parse(row.config ?? {});
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    baseUrl: row.baseUrl,
    model: row.model,
    ...settings,
    hasApiKey: Boolean(apiKey),
    createdAt: row.createdAt.toISOString(),
  };
}
