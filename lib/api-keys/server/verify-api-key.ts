import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { Scope } from "@/lib/access/roles";
import { hashSecret, KEY_PREFIX } from "./key-format";

export type VerifiedKey = { id: string; projectId: string; scopes: Scope[]; name: string };

/** The key behind a secret, or null when it is unknown or revoked. */
export async function verifyApiKey({ db, secret }: { db: DbOrTx; secret: string }): Promise<VerifiedKey | null> {
  if (!secret.startsWith(KEY_PREFIX)) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.hash, hashSecret(secret)));
  if (!row || row.revokedAt) return null;
  // last use is informational: write it at most once a minute per key
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)
    await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, row.id));
  return { id: row.id, projectId: row.projectId, scopes: row.scopes as Scope[], name: row.name };
}
