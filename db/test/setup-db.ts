// For *.int.test.ts: the provided database as this process's DATABASE_URL, and a pool on it.
import { afterAll, inject } from "vitest";
import { closeDb, getDb } from "../client";

export function connectTestDb() {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.ATLAS_DATA_DIR = inject("dataDir");
  afterAll(async () => {
    await closeDb();
  });
  return getDb();
}
