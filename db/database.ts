// Where the database is: DATABASE_URL when set, otherwise the embedded PostgreSQL.
import { type EmbeddedDb, startEmbeddedDb } from "./embedded";

export type DatabaseHandle = { url: string; embedded: EmbeddedDb | null; stop: () => Promise<void> };

/**
 * attach: a CLI command joins an embedded database that a running studio owns, and only
 * starts (and later stops) one of its own when none runs.
 */
export async function openDatabase(
  dataDir: string,
  opts: { attach?: boolean; log?: (line: string) => void } = {},
): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null, stop: async () => {} };
  const embedded = await startEmbeddedDb(dataDir, opts);
  return { url: embedded.url, embedded, stop: embedded.stop };
}
