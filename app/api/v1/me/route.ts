// GET /api/v1/me - the signed-in user and their projects
import { system } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listProjects } from "@/lib/projects/server/list-projects";

export const dynamic = "force-dynamic";
export const GET = handle(system.me, async ({ db, grant }) => {
  const caller = grant!.caller;
  if (caller.kind !== "user") throw new Error("unreachable: user-only route");
  const projects = await listProjects({ db, userId: caller.userId });
  return {
    user: { id: caller.userId, email: caller.email, name: caller.name },
    projects: projects.map((p) => ({ id: p.id, name: p.name, role: p.role! })),
  };
});
