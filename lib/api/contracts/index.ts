import type { Contract } from "../contract";
import * as agreement from "./agreement";
import * as apiKeys from "./api-keys";
import * as catalog from "./catalog";
import * as imports from "./imports";
import * as ingest from "./ingest";
import * as jobs from "./jobs";
import * as judges from "./judges";
import * as judging from "./judging";
import * as labeling from "./labeling";
import * as leaderboards from "./leaderboards";
import * as policies from "./policies";
import * as projects from "./projects";
import * as reward from "./reward";
import * as rubrics from "./rubrics";
import * as runs from "./runs";
import * as strategyPrompts from "./strategy-prompts";
import * as system from "./system";
import * as toolspaces from "./toolspaces";
import * as trajectories from "./trajectories";
import * as trajectoryView from "./trajectory-view";

export {
  agreement,
  apiKeys,
  catalog,
  imports,
  ingest,
  jobs,
  judges,
  judging,
  labeling,
  leaderboards,
  policies,
  projects,
  reward,
  rubrics,
  runs,
  strategyPrompts,
  system,
  toolspaces,
  trajectories,
  trajectoryView,
};

const isContract = (v: unknown): v is Contract =>
  typeof v === "object" && v !== null && "method" in v && "path" in v && "access" in v;

/** Every route of /api/v1: the permission matrix and the OpenAPI document are read from here. */
export const allContracts: Contract[] = [
  system,
  projects,
  apiKeys,
  catalog,
  jobs,
  labeling,
  trajectories,
  trajectoryView,
  imports,
  ingest,
  agreement,
  rubrics,
  judges,
  judging,
  reward,
  leaderboards,
  toolspaces,
  runs,
  policies,
  strategyPrompts,
].flatMap((m) => Object.values(m).filter(isContract));
