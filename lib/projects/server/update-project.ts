import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { projects } from "@/db/schema";
import type { Role } from "@/lib/access/roles";
import { notFound } from "@/lib/errors";
import { projectPatch } from "../schemas";
import { toProjectView } from "./to-view";

export async function updateProject({
  db,
  projectId,
  role,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  role: Role | null;
  input: unknown;
}) {
  const patch = projectPatch.parse(input);
  const [p] = await db.update(projects).set(patch).where(eq(projects.id, projectId)).returning();
  if (!p) throw notFound("The project", "projectId");
  return toProjectView(p, role);
}
