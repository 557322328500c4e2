// POST /api/v1/projects/{projectId}/runs/{runId}/cancel - stop a run at once
import { runs } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { cancelRun } from "@/lib/runs/server/cancel-run";

export const dynamic = "force-dynamic";
export const POST = handle(runs.cancelRun, async ({ db, params }) => cancelRun({ db, ...params }));
