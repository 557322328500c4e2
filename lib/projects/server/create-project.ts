import type { Db } from "@/db/client";
import { memberships, projects } from "@/db/schema";
import { projectInput } from "../schemas";
import { toProjectView } from "./to-view";

/** The creator becomes the project's admin. */
export async function createProject({
  db,
  userId,
  input,
  isDemo = false,
}: {
  db: Db;
  userId: string;
  input: unknown;
  isDemo?: boolean;
}) {
  const { name, description } = projectInput.parse(input);
  return db.transaction(async (tx) => {
    const [p] = await tx
      .insert(projects)
      .values({ name, description: description ?? "", isDemo })
      .returning();
    await tx.insert(memberships).values({ projectId: p.id, userId, role: "admin" });
    return toProjectView(p, "admin");
  });
}
