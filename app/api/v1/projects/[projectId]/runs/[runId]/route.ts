// GET /api/v1/projects/{projectId}/runs/{runId} - one benchmark run with its episodes
import { runs } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getRun } from "@/lib/runs/server/get-run";

export const dynamic = "force-dynamic";
export const GET = handle(runs.getRun, async ({ db, params }) => getRun({ db, ...params }));
