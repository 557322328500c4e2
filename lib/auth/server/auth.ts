// Sessions and password sign-in (better-auth on our drizzle tables). Projects, roles and
// API keys are ours: see lib/access.

import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { getDb } from "@/db/client";
import { account, session, user, verification } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { getAuthSecret } from "./secret";

function createAuth() {
  const { baseUrl, PORT, ATLAS_SIGNIN_ATTEMPTS_PER_MINUTE: attempts } = getConfig();
  return betterAuth({
    baseURL: baseUrl,
    secret: getAuthSecret(),
    database: drizzleAdapter(getDb().db, { provider: "pg", schema: { user, session, account, verification } }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    trustedOrigins: [baseUrl, `http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`],
    telemetry: { enabled: false },
    // guessing passwords stays slow; the number is an operator setting (tests sign in often)
    rateLimit: { enabled: true, customRules: { "/sign-in/email": { window: 60, max: attempts } } },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
  });
}

type Auth = ReturnType<typeof createAuth>;
let instance: Auth | undefined;
export const getAuth = (): Auth => {
  instance ??= createAuth();
  return instance;
};
