import { closeDb, getDb } from "@/db/client";
import { openDatabase } from "@/db/database";
import { runMigrations } from "@/db/migrate";
import { getConfig } from "@/lib/config";
import { stopSenderBoss } from "@/lib/jobs/server/boss";

/**
 * Runs a command against the studio's database whether or not the studio is running: it joins
 * a running embedded PostgreSQL, or starts one for the command and stops it afterwards.
 */
export async function withDb<T>(fn: (handle: ReturnType<typeof getDb>) => Promise<T>): Promise<T> {
  const handle = await openDatabase(getConfig().dataDir, { attach: true });
  process.env.DATABASE_URL = handle.url;
  try {
    await runMigrations(handle.url);
    return await fn(getDb());
  } finally {
    await stopSenderBoss();
    await closeDb();
    await handle.stop();
  }
}
