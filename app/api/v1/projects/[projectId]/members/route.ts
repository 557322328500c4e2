// GET|POST /api/v1/projects/{projectId}/members - list members; add one by email
import { projects } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { addMember, listMembers } from "@/lib/projects/server/members";

export const dynamic = "force-dynamic";
export const GET = handle(projects.listMembers, async ({ db, params }) => ({
  items: await listMembers({ db, projectId: params.projectId }),
}));
export const POST = handle(projects.addMember, async ({ db, params, body }) =>
  addMember({ db, projectId: params.projectId, input: body }),
);
