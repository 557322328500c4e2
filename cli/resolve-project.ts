import { eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { projects } from "@/db/schema";
import { DEFAULT_PROJECT_KEY } from "@/lib/setup/server/first-start";
import { getMeta } from "@/lib/setup/server/meta";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** --project by id or exact name; without it, the project made on first start. */
export async function resolveProject(db: DbOrTx, ref?: string) {
  if (!ref) {
    const id = await getMeta<string>(db, DEFAULT_PROJECT_KEY);
    const [p] = id ? await db.select().from(projects).where(eq(projects.id, id)) : [];
    if (!p)
      throw new Error("No first-start project exists: name one with --project <id or name> (see `atlas project list`)");
    return p;
  }
  const rows = await db
    .select()
    .from(projects)
    .where(UUID.test(ref) ? or(eq(projects.id, ref), eq(projects.name, ref)) : eq(projects.name, ref));
  if (rows.length === 0) throw new Error(`No project '${ref}': see \`atlas project list\``);
  if (rows.length > 1) throw new Error(`Several projects are named '${ref}': pass its id instead`);
  return rows[0];
}
