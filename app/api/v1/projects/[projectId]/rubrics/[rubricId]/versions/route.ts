// POST /api/v1/projects/{projectId}/rubrics/{rubricId}/versions - save the next version; answers its diff
import { rubrics } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { getRubricVersion } from "@/lib/rubrics/server/get-rubrics";
import { saveRubricVersion } from "@/lib/rubrics/server/save-rubric";

export const dynamic = "force-dynamic";
export const POST = handle(rubrics.saveRubricVersion, async ({ db, params, grant, body }) => {
  const { version, changes } = await db.transaction((tx) =>
    saveRubricVersion({ db: tx, ...params, userId: launcherOf(grant).userId, input: body }),
  );
  return { version: await getRubricVersion({ db, ...params, versionId: version.id }), changes };
});
