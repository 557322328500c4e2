// Sessions and password sign-in (better-auth on our drizzle tables). Projects, roles and
// API keys are ours: see lib/access.

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { getDb } from "@/db/client";
import { account, session, user, verification } from "@/db/schema";
import { getConfig } from "@/lib/config";

/** BETTER_AUTH_SECRET, or one generated once and kept in the data folder. */
export function getAuthSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(getConfig().dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}

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
