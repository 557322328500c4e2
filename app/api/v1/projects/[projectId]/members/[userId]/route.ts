// PATCH|DELETE /api/v1/projects/{projectId}/members/{userId} - change a role; remove a member
import { projects } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { removeMember, updateMemberRole } from "@/lib/projects/server/members";

export const dynamic = "force-dynamic";
export const PATCH = handle(projects.updateMember, async ({ db, params, body }) =>
  updateMemberRole({ db, projectId: params.projectId, userId: params.userId, input: body }),
);
export const DELETE = handle(projects.removeMember, async ({ db, params }) =>
  removeMember({ db, projectId: params.projectId, userId: params.userId }),
);
