import type { JobType } from "@/lib/jobs/types";
import type { JobHandler } from "./handler";
import { benchRun } from "./handlers/bench-run";
import { judgingRun } from "./handlers/judging-run";
import { projectExport } from "./handlers/project-export";
import { trajectoryImport } from "./handlers/trajectory-import";

// biome-ignore lint/suspicious/noExplicitAny: each handler is checked against its own payload type
export const handlers: Record<JobType, JobHandler<any>> = {
  "project.export": projectExport,
  "trajectories.import": trajectoryImport,
  "rubrics.judge": judgingRun,
  "bench.run": benchRun,
};
