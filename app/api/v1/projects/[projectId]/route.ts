// GET|PATCH /api/v1/projects/{projectId} - one project; rename or describe it
import { projects } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getProject } from "@/lib/projects/server/get-project";
import { updateProject } from "@/lib/projects/server/update-project";

export const dynamic = "force-dynamic";
export const GET = handle(projects.getProject, async ({ db, params, grant }) =>
  getProject({ db, projectId: params.projectId, role: grant?.role ?? null }),
);
export const PATCH = handle(projects.updateProject, async ({ db, params, grant, body }) =>
  updateProject({ db, projectId: params.projectId, role: grant?.role ?? null, input: body }),
);
