// Process configuration from the environment, parsed once; server-side only.
import path from "node:path";
import { z } from "zod";

const int = (def: number) => z.coerce.number().int().positive().default(def);

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  ATLAS_DATA_DIR: z.string().default(".atlas"),
  PORT: int(3000),
  ATLAS_URL: z.string().url().optional(),
  ATLAS_ADMIN_EMAIL: z.string().email().optional(),
  ATLAS_ADMIN_PASSWORD: z.string().min(8).optional(),
  // a step whose worker died is handed to another worker after this long
  ATLAS_STEP_EXPIRE_SECONDS: int(120),
  ATLAS_QUEUE_MAINTENANCE_SECONDS: int(30),
  // a failing step is tried this many more times (with backoff) before its job fails
  ATLAS_STEP_RETRIES: z.coerce.number().int().min(0).max(20).default(4),
  ATLAS_WORKER_CONCURRENCY: int(2),
  ATLAS_SIGNIN_ATTEMPTS_PER_MINUTE: int(10),
  ATLAS_SEED_DEMO: z.enum(["0", "1"]).default("1"),
});

export type Config = z.infer<typeof schema> & { dataDir: string; baseUrl: string };

let cached: Config | undefined;

export function getConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (cached && env === process.env) return cached;
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const c = parsed.data;
  const config = {
    ...c,
    dataDir: path.resolve(c.ATLAS_DATA_DIR),
    baseUrl: c.ATLAS_URL ?? `http://localhost:${c.PORT}`,
  };
  if (env === process.env) cached = config;
  return config;
}
