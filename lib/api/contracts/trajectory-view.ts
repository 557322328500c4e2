import { z } from "zod";
import { fullStepView, trajectoryView } from "@/lib/trajectories/view-schemas";
import { defineContract } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "trajectories";
const trajectoryParams = projectParams.extend({ trajectoryId: uuidParam("trajectoryId") });

export const getTrajectory = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/trajectories/{trajectoryId}",
  summary: "One trajectory with every step; text fields past 8 KB come shortened, with their whole size",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: trajectoryParams,
  response: trajectoryView,
});

export const getTrajectoryStep = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/trajectories/{trajectoryId}/steps/{index}",
  summary: "One step with its message whole (what the viewer's expand fetches)",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  // the index is checked after access, so that a caller without access learns nothing from it
  params: trajectoryParams.extend({ index: z.string().describe("the step's number, 0 for the first") }),
  response: fullStepView,
});
