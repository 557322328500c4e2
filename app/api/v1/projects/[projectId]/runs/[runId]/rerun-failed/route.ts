// POST /api/v1/projects/{projectId}/runs/{runId}/rerun-failed - run failed and cancelled episodes again
import { runs } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { getSenderBoss } from "@/lib/jobs/server/boss";
import { relaunchRun } from "@/lib/runs/server/relaunch-run";

export const dynamic = "force-dynamic";
export const POST = handle(runs.rerunFailed, async ({ db, params, grant }) =>
  relaunchRun({ db, boss: await getSenderBoss(), ...params, by: launcherOf(grant), which: "failed" }),
);
