import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Access } from "@/lib/api/contract";
import { AppError } from "@/lib/errors";
import { type Role, roleAtLeast } from "../roles";
import type { Caller } from "./resolve-caller";

export type Grant = { caller: Caller; projectId: string | null; role: Role | null };

export const signInError = () =>
  new AppError("UNAUTHENTICATED", "Sign in, or send an API key as `Authorization: Bearer <key>`");

/** The one place where access is decided: 401 without a caller, 403 without the role or scope. */
export async function authorize({
  db,
  access,
  caller,
  projectId,
}: {
  db: DbOrTx;
  access: Access;
  caller: Caller | null;
  projectId?: string;
}): Promise<Grant | null> {
  if (access.kind === "public") return null;
  if (!caller) throw signInError();
  if (access.kind === "user") {
    if (caller.kind !== "user") throw new AppError("FORBIDDEN", "This endpoint is for signed-in users, not API keys");
    return { caller, projectId: null, role: null };
  }
  if (access.kind === "key") {
    if (caller.kind !== "key")
      throw new AppError(
        "FORBIDDEN",
        "This short-form endpoint is for API keys: signed-in members call it under /api/v1/projects/{projectId}",
      );
    if (!caller.scopes.includes(access.scope))
      throw new AppError("FORBIDDEN", `This API key lacks the '${access.scope}' scope: create a key with it`);
    return { caller, projectId: caller.projectId, role: null };
  }
  if (!projectId) throw new AppError("INTERNAL", "A project route without a project id");
  if (caller.kind === "key") {
    if (caller.projectId !== projectId) throw new AppError("FORBIDDEN", "This API key belongs to another project");
    if (!access.scope)
      throw new AppError("FORBIDDEN", "API keys cannot call this endpoint: sign in as a project admin");
    if (!caller.scopes.includes(access.scope))
      throw new AppError("FORBIDDEN", `This API key lacks the '${access.scope}' scope: create a key with it`);
    return { caller, projectId, role: null };
  }
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, caller.userId)));
  if (!m) throw new AppError("FORBIDDEN", "You are not a member of this project: ask one of its admins to add you");
  if (!access.role) throw new AppError("FORBIDDEN", "This endpoint is for API keys only");
  if (!roleAtLeast(m.role, access.role))
    throw new AppError("FORBIDDEN", `This needs the ${access.role} role in this project; you are ${m.role}`);
  return { caller, projectId, role: m.role };
}
