import { z } from "zod";
import { scopeSchema } from "@/lib/access/roles";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name, e.g. 'trainer on cluster A'").max(100),
  scopes: z.array(scopeSchema).min(1, "Choose at least one scope: read, ingest, judge or run"),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const apiKeyView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(scopeSchema),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;

export const createdApiKey = apiKeyView.extend({
  /** the secret, shown once */
  key: z.string(),
});
