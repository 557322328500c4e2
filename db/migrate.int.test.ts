import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runMigrations } from "./migrate";
import { connectTestDb } from "./test/setup-db";

const { db } = connectTestDb();

describe("migrations", () => {
  it("are safe to run again, and from several processes at once", async () => {
    const url = process.env.DATABASE_URL!;
    await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const files = (await import("node:fs")).readdirSync("db/migrations").filter((f) => f.endsWith(".sql"));
    expect(rows[0].n).toBe(files.length);
  });
});
