import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { toApiKeyView } from "./to-view";

export async function revokeApiKey({ db, projectId, keyId }: { db: DbOrTx; projectId: string; keyId: string }) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.projectId, projectId), isNull(apiKeys.revokedAt)))
    .returning();
  if (row) return toApiKeyView(row);
  const [existing] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.projectId, projectId)));
  if (!existing) throw notFound("The API key", "keyId");
  return toApiKeyView(existing); // already revoked: revoking is idempotent
}
