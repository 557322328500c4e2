import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { account, user } from "@/db/schema";
import { conflict, invalid } from "@/lib/errors";
import { generatePassword } from "./generate-password";

export type CreateUserInput = { email: string; name?: string; password?: string };

/** Creates a password account; without a password one is generated and returned once. */
export async function createUser({ db, input }: { db: DbOrTx; input: CreateUserInput }) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw invalid("email", "Give a valid email address, e.g. ada@lab.org");
  if (input.password !== undefined && input.password.length < 8)
    throw invalid("password", "The password must have at least 8 characters");
  const existing = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (existing.length) throw conflict(`A user with the email ${email} already exists`, "email");
  const password = input.password ?? generatePassword();
  const id = crypto.randomUUID();
  await db.insert(user).values({ id, email, name: input.name?.trim() || email.split("@")[0], emailVerified: true });
  await db.insert(account).values({
    id: crypto.randomUUID(),
    accountId: id,
    providerId: "credential",
    userId: id,
    password: await hashPassword(password),
  });
  return { id, email, password, generated: input.password === undefined };
}
