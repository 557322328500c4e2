import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { meta } from "@/db/schema";

export async function getMeta<T>(db: DbOrTx, key: string): Promise<T | null> {
  const [row] = await db.select().from(meta).where(eq(meta.key, key));
  return (row?.value as T) ?? null;
}

export async function setMeta(db: DbOrTx, key: string, value: unknown) {
  await db
    .insert(meta)
    .values({ key, value })
    .onConflictDoUpdate({ target: meta.key, set: { value, updatedAt: sql`now()` } });
}
