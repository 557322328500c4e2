import { redirect } from "next/navigation";
import { requireUser } from "@/app/_server/access";
import { getDb } from "@/db/client";
import { listProjects } from "@/lib/projects/server/list-projects";

export const dynamic = "force-dynamic";

/** Home: the first project's overview, or the project list when there is none. */
export default async function Home() {
  const user = await requireUser("/");
  const [first] = await listProjects({ db: getDb().db, userId: user.id });
  redirect(first ? `/projects/${first.id}` : "/projects");
}
