// Rubrics and their immutable versions: list, create, read, save a version (answering its
// diff), read one version, diff two versions, and import from published rubric formats.
import {
  diffQuery,
  IMPORT_RUBRICS_LIMIT,
  rubricCreated,
  rubricDetail,
  rubricDiff,
  rubricImportInput,
  rubricImportResult,
  rubricInput,
  rubricList,
  rubricVersionInput,
  rubricVersionView,
  versionSaved,
} from "@/lib/rubrics/schemas";
import { defineContract, KB } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "rubrics";
const read = { kind: "project", role: "viewer", scope: "read" } as const;
// versions carry their author, so rubrics are written by signed-in editors
const edit = { kind: "project", role: "editor", scope: null } as const;
const rubricParams = projectParams.extend({ rubricId: uuidParam("rubricId") });

export const listRubrics = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/rubrics",
  summary: "The project's rubrics with their task, latest version, criterion count and aggregation rule",
  tag,
  access: read,
  params: projectParams,
  response: rubricList,
});

export const createRubric = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/rubrics",
  summary: "Create a rubric: its name, optional task or task set, and version 1 (criteria and aggregation rule)",
  tag,
  access: edit,
  params: projectParams,
  body: rubricInput,
  bodyLimit: 512 * KB,
  response: rubricCreated,
  status: 201,
});

export const getRubric = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/rubrics/{rubricId}",
  summary: "One rubric with every version, newest first (criteria, aggregation, author, time)",
  tag,
  access: read,
  params: rubricParams,
  response: rubricDetail,
});

export const saveRubricVersion = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/rubrics/{rubricId}/versions",
  summary: "Save the next immutable version; answers it with the diff against the version before",
  tag,
  access: edit,
  params: rubricParams,
  body: rubricVersionInput,
  bodyLimit: 512 * KB,
  response: versionSaved,
  status: 201,
});

export const getRubricVersion = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/rubrics/{rubricId}/versions/{versionId}",
  summary: "One version of a rubric by its id (the id runs, the playground and the reward API name)",
  tag,
  access: read,
  params: rubricParams.extend({ versionId: uuidParam("versionId") }),
  response: rubricVersionView,
});

export const diffRubric = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/rubrics/{rubricId}/diff",
  summary: "The readable diff between two versions (?from=1&to=3); by default the latest against the one before",
  tag,
  access: read,
  params: rubricParams,
  query: diffQuery,
  response: rubricDiff,
});

export const importRubrics = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/rubrics/import",
  summary:
    "Import rubrics from MCP-Atlas claims (CSV), tau2-bench tasks (tasks.json) or a [{title, description, weight}] list; one rubric per task, linked to the project's task of that id",
  tag,
  access: edit,
  params: projectParams,
  body: rubricImportInput,
  bodyLimit: IMPORT_RUBRICS_LIMIT,
  response: rubricImportResult,
  status: 201,
});
