import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Sql = postgres.Sql;
export const createDb = (sql: Sql) => drizzle(sql, { schema });
export type Db = ReturnType<typeof createDb>;
/** A drizzle handle: the pool or an open transaction */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { sql: Sql; db: Db };
const key = Symbol.for("atlas.db");
const holder = globalThis as unknown as { [key]?: Handle };

export function connect(url: string, max = 10): Handle {
  const sql = postgres(url, { max, onnotice: () => {}, connection: { application_name: "atlas" } });
  return { sql, db: createDb(sql) };
}

/** The process-wide pool on DATABASE_URL (kept across hot reloads in development). */
export function getDb(): Handle {
  if (!holder[key]) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the studio with `npm start` or `atlas start`");
    holder[key] = connect(url);
  }
  return holder[key];
}

export async function closeDb() {
  const h = holder[key];
  holder[key] = undefined;
  await h?.sql.end({ timeout: 5 });
}
