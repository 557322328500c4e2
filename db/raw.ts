import type postgres from "postgres";
import type { DbOrTx } from "./client";

/**
 * The postgres.js client under a drizzle handle (the pool, or the open transaction), for
 * libraries that take SQL text (pg-boss): their statements then join our transaction.
 */
export function rawClient(db: DbOrTx): postgres.Sql {
  return (db as unknown as { session: { client: postgres.Sql } }).session.client;
}

const isPlainObject = (v: unknown) =>
  typeof v === "object" && v !== null && !(v instanceof Date) && !Array.isArray(v) && !(v instanceof Uint8Array);

/** A pg-boss `db` executor on a drizzle handle, with pg's conversions (undefined as null, objects as JSON). */
export function pgBossExecutor(db: DbOrTx) {
  const client = rawClient(db);
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const params = values.map((v) =>
        v === undefined ? null : isPlainObject(v) ? JSON.stringify(v) : v,
      ) as postgres.ParameterOrJSON<never>[];
      const rows = await client.unsafe(text, params);
      return { rows: [...rows] };
    },
  };
}
