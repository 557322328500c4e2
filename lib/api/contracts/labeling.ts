// Label schemas, labels, annotation queues and the label export.
import { z } from "zod";
import {
  itemDoneView,
  labelExportQuery,
  labelInput,
  labelList,
  labelSchemaInput,
  labelSchemaList,
  labelSchemaListQuery,
  labelSchemaPatch,
  labelSchemaView,
  labelView,
  queueDetail,
  queueInput,
  queueItemList,
  queueItemsAdded,
  queueItemsInput,
  queueList,
  queuePatch,
} from "@/lib/labeling/schemas";
import { defineContract, KB } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "labeling";
const read = { kind: "project", role: "viewer", scope: "read" } as const;
// labels carry their author, so they are written by signed-in people, not by API keys
const label = { kind: "project", role: "labeler", scope: null } as const;
const edit = { kind: "project", role: "editor", scope: null } as const;

const schemaParams = projectParams.extend({ labelSchemaId: uuidParam("labelSchemaId") });
const trajectoryParams = projectParams.extend({ trajectoryId: uuidParam("trajectoryId") });
const queueParams = projectParams.extend({ queueId: uuidParam("queueId") });
const itemParams = queueParams.extend({ itemId: uuidParam("itemId") });

export const listLabelSchemas = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/label-schemas",
  summary: "Label schemas: what people may label, per trajectory or per step",
  tag,
  access: read,
  params: projectParams,
  query: labelSchemaListQuery,
  response: labelSchemaList,
});

export const createLabelSchema = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/label-schemas",
  summary: "Create a label schema: binary, categorical (with hotkeys), numeric (range) or text",
  tag,
  access: edit,
  params: projectParams,
  body: labelSchemaInput,
  bodyLimit: 32 * KB,
  response: labelSchemaView,
  status: 201,
});

export const getLabelSchema = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/label-schemas/{labelSchemaId}",
  summary: "One label schema",
  tag,
  access: read,
  params: schemaParams,
  response: labelSchemaView,
});

export const updateLabelSchema = defineContract({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/label-schemas/{labelSchemaId}",
  summary: "Edit or archive a label schema; once labels use it, kind and level stay and its values must still fit",
  tag,
  access: edit,
  params: schemaParams,
  body: labelSchemaPatch,
  bodyLimit: 32 * KB,
  response: labelSchemaView,
});

export const listTrajectoryLabels = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/trajectories/{trajectoryId}/labels",
  summary: "A trajectory's labels, by everyone, with author and time",
  tag,
  access: read,
  params: trajectoryParams,
  response: labelList,
});

export const setLabel = defineContract({
  method: "PUT",
  path: "/api/v1/projects/{projectId}/trajectories/{trajectoryId}/labels",
  summary: "Set or replace your label for a schema on a trajectory (or one of its steps)",
  tag,
  access: label,
  params: trajectoryParams,
  body: labelInput,
  bodyLimit: 64 * KB,
  response: labelView,
});

export const deleteLabel = defineContract({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/trajectories/{trajectoryId}/labels/{labelId}",
  summary: "Delete one of your labels",
  tag,
  access: label,
  params: trajectoryParams.extend({ labelId: uuidParam("labelId") }),
  response: z.object({ id: z.string() }),
});

export const exportLabels = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/labels/export",
  summary: "All labels as JSONL or CSV (optionally of one queue or one schema), streamed as a download",
  tag,
  access: read,
  params: projectParams,
  query: labelExportQuery,
  response: "application/octet-stream",
});

export const listQueues = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/queues",
  summary: "Annotation queues with progress per assignee",
  tag,
  access: read,
  params: projectParams,
  response: queueList,
});

export const createQueue = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/queues",
  summary: "Create an annotation queue: label schemas, trajectories (up to 5,000) and assignees",
  tag,
  access: edit,
  params: projectParams,
  body: queueInput,
  bodyLimit: 512 * KB,
  response: queueDetail,
  status: 201,
});

export const getQueue = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/queues/{queueId}",
  summary: "One queue with its label schemas and progress",
  tag,
  access: read,
  params: queueParams,
  response: queueDetail,
});

export const updateQueue = defineContract({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/queues/{queueId}",
  summary: "Rename a queue, change its label schemas, or replace its assignees",
  tag,
  access: edit,
  params: queueParams,
  body: queuePatch,
  bodyLimit: 64 * KB,
  response: queueDetail,
});

export const deleteQueue = defineContract({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/queues/{queueId}",
  summary: "Delete a queue (its labels stay)",
  tag,
  access: edit,
  params: queueParams,
  response: z.object({ id: z.string() }),
});

export const listQueueItems = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/queues/{queueId}/items",
  summary: "A queue's items in order, with who marked each done",
  tag,
  access: read,
  params: queueParams,
  response: queueItemList,
});

export const addQueueItems = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/queues/{queueId}/items",
  summary: "Append trajectories to a queue, keeping order and skipping ones already in it",
  tag,
  access: edit,
  params: queueParams,
  body: queueItemsInput,
  bodyLimit: 512 * KB,
  response: queueItemsAdded,
});

export const markItemDone = defineContract({
  method: "PUT",
  path: "/api/v1/projects/{projectId}/queues/{queueId}/items/{itemId}/done",
  summary: "Mark a queue item done by you (assignees only)",
  tag,
  access: label,
  params: itemParams,
  response: itemDoneView,
});

export const unmarkItemDone = defineContract({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/queues/{queueId}/items/{itemId}/done",
  summary: "Take back your done mark on a queue item",
  tag,
  access: label,
  params: itemParams,
  response: itemDoneView,
});
