// GET /api/v1/projects/{projectId}/artifacts - files produced by jobs
import { jobs } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listArtifacts } from "@/lib/storage/server/artifacts";

export const dynamic = "force-dynamic";
export const GET = handle(jobs.listArtifacts, async ({ db, params, query }) => ({
  items: await listArtifacts({ db, projectId: params.projectId, jobId: query.jobId }),
}));
