import { hashPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { account, session, user } from "@/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { generatePassword } from "./generate-password";

/** Sets a new password (generated when none is given) and signs the user out everywhere. */
export async function resetPassword({ db, input }: { db: DbOrTx; input: { email: string; password?: string } }) {
  if (input.password !== undefined && input.password.length < 8)
    throw invalid("password", "The password must have at least 8 characters");
  const email = input.email.trim().toLowerCase();
  const [u] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (!u) throw notFound(`The user ${email}`, "email");
  const password = input.password ?? generatePassword();
  const hash = await hashPassword(password);
  const updated = await db
    .update(account)
    .set({ password: hash, updatedAt: new Date() })
    .where(and(eq(account.userId, u.id), eq(account.providerId, "credential")))
    .returning({ id: account.id });
  if (!updated.length)
    await db
      .insert(account)
      .values({ id: crypto.randomUUID(), accountId: u.id, providerId: "credential", userId: u.id, password: hash });
  await db.delete(session).where(eq(session.userId, u.id));
  return { email, password };
}
