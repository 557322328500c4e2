// Judge-versus-human agreement on rubric criteria, and its disagreements sent to a queue.
import {
  agreementQuery,
  agreementReport,
  disagreementQueueInput,
  disagreementQueueResult,
} from "@/lib/judging/agreement-schemas";
import { defineContract, KB } from "../contract";
import { projectParams } from "../schemas";

const tag = "agreement";

export const getAgreement = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/agreement",
  summary:
    "Per criterion tied to a label schema and per judge: percentage agreement, Cohen's kappa with a bootstrap 95% interval, the confusion matrix and the disagreements",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: projectParams,
  query: agreementQuery,
  response: agreementReport,
});

export const sendDisagreements = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/agreement/queue",
  summary: "Create an annotation queue with the trajectories where a judge and people disagree on a criterion",
  tag,
  // a queue is made by editors, as on the labeling pages
  access: { kind: "project", role: "editor", scope: null },
  params: projectParams,
  body: disagreementQueueInput,
  bodyLimit: 8 * KB,
  response: disagreementQueueResult,
  status: 201,
});
