// Database tests run on a real PostgreSQL: DATABASE_URL when set, otherwise an embedded one in
// a fresh temporary folder. Migrations run once here.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDb } from "../embedded";
import { runMigrations } from "../migrate";

export default async function setup(project: TestProject) {
  let stop = async () => {};
  let url = process.env.DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-int-"));
  if (!url) {
    const db = await startEmbeddedDb(dataDir);
    url = db.url;
    stop = db.stop;
  }
  await runMigrations(url);
  project.provide("databaseUrl", url);
  project.provide("dataDir", dataDir);
  return async () => {
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}
