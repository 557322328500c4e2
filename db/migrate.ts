import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { createDb } from "./client";

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const LOCK = 7_361_001; // advisory lock id for migrations: several processes may start at once

export async function runMigrations(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${LOCK})`;
    try {
      await migrate(createDb(sql), { migrationsFolder: folder });
    } finally {
      await sql`select pg_advisory_unlock(${LOCK})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
