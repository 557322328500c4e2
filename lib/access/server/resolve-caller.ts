import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { user } from "@/db/schema";
import { verifyApiKey } from "@/lib/api-keys/server/verify-api-key";
import { getAuth } from "@/lib/auth/server/auth";
import { AppError } from "@/lib/errors";
import type { Scope } from "../roles";

export type Caller =
  | { kind: "user"; userId: string; email: string; name: string }
  | { kind: "key"; keyId: string; projectId: string; scopes: Scope[] };

function bearer(headers: Headers): string | null {
  const auth = headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
  return headers.get("x-api-key");
}

/** The caller behind a request: an API key (Authorization: Bearer or x-api-key) or a session cookie. */
export async function resolveCaller({ db, headers }: { db: DbOrTx; headers: Headers }): Promise<Caller | null> {
  const secret = bearer(headers);
  if (secret) {
    const key = await verifyApiKey({ db, secret });
    if (!key)
      throw new AppError(
        "UNAUTHENTICATED",
        "The API key is unknown or revoked: create a new one in Settings > API keys",
      );
    return { kind: "key", keyId: key.id, projectId: key.projectId, scopes: key.scopes };
  }
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  // the session carries the user as it was at sign-in; read the current row
  const [u] = await db.select().from(user).where(eq(user.id, session.user.id));
  return u ? { kind: "user", userId: u.id, email: u.email, name: u.name } : null;
}
