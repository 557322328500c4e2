// better-auth's browser client, on this origin's /api/auth.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();
