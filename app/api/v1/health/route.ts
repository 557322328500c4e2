// GET /api/v1/health - liveness and database reachability
import { sql } from "drizzle-orm";
import { system } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { json } from "@/lib/api/server/respond";

export const dynamic = "force-dynamic";
export const GET = handle(system.health, async ({ db }) => {
  const database = await db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  const body = { ok: database, database, version: process.env.npm_package_version ?? "0.1.0" };
  return database ? body : json(body, 503);
});
