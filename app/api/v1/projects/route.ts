// GET|POST /api/v1/projects - the caller's projects; create one
import { projects } from "@/lib/api/contracts";
import { userId } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { createProject } from "@/lib/projects/server/create-project";
import { listProjects } from "@/lib/projects/server/list-projects";

export const dynamic = "force-dynamic";
export const GET = handle(projects.listProjects, async ({ db, grant }) => ({
  items: await listProjects({ db, userId: userId(grant) }),
}));
export const POST = handle(projects.createProject, async ({ db, grant, body }) =>
  createProject({ db, userId: userId(grant), input: body }),
);
