// GET /api/v1/projects/{projectId}/rubrics/{rubricId}/versions/{versionId} - one version of a rubric
import { rubrics } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getRubricVersion } from "@/lib/rubrics/server/get-rubrics";

export const dynamic = "force-dynamic";
export const GET = handle(rubrics.getRubricVersion, async ({ db, params }) => getRubricVersion({ db, ...params }));
