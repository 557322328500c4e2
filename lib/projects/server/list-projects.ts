import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, projects } from "@/db/schema";
import { toProjectView } from "./to-view";

export async function listProjects({ db, userId }: { db: DbOrTx; userId: string }) {
  const rows = await db
    .select({ p: projects, role: memberships.role })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(projects.createdAt));
  return rows.map((r) => toProjectView(r.p, r.role));
}
