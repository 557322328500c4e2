import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { projects } from "@/db/schema";
import type { Role } from "@/lib/access/roles";
import { notFound } from "@/lib/errors";
import { toProjectView } from "./to-view";

export async function getProject({ db, projectId, role }: { db: DbOrTx; projectId: string; role: Role | null }) {
  const [p] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!p) throw notFound("The project", "projectId");
  return toProjectView(p, role);
}
