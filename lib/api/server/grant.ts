import type { Grant } from "@/lib/access/server/authorize";
import { AppError } from "@/lib/errors";

/** The signed-in user's id; for routes whose access admits users only. */
export function userId(grant: Grant | null): string {
  if (grant?.caller.kind !== "user") throw new AppError("FORBIDDEN", "This endpoint is for signed-in users");
  return grant.caller.userId;
}

/** Who launched something: a user, or an API key. */
export const launcherOf = (grant: Grant | null) => ({
  userId: grant?.caller.kind === "user" ? grant.caller.userId : null,
  keyId: grant?.caller.kind === "key" ? grant.caller.keyId : null,
});
