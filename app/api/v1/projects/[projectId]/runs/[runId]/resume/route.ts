// POST /api/v1/projects/{projectId}/runs/{runId}/resume - run every unfinished episode of a stopped run
import { runs } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { getSenderBoss } from "@/lib/jobs/server/boss";
import { relaunchRun } from "@/lib/runs/server/relaunch-run";

export const dynamic = "force-dynamic";
export const POST = handle(runs.resumeRun, async ({ db, params, grant }) =>
  relaunchRun({ db, boss: await getSenderBoss(), ...params, by: launcherOf(grant), which: "unfinished" }),
);
