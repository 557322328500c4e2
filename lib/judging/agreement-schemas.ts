// The agreement report and the "send disagreements to a queue" call: zod views shared by the
// API and the agreement page (browser-safe).
import { z } from "zod";
import { labelValue, queueDetail } from "@/lib/labeling/schemas";

export const agreementQuery = z.object({
  rubricId: z.string().uuid("rubricId must be a UUID").optional(),
  labelSchemaId: z.string().uuid("labelSchemaId must be a UUID").optional(),
});
export type AgreementQuery = z.infer<typeof agreementQuery>;

/** A listed disagreement shows this many at most; the count and the queue take them all. */
export const MAX_LISTED_DISAGREEMENTS = 200;

export const disagreementView = z.object({
  trajectoryId: z.string().uuid(),
  summary: z.string(),
  taskRef: z.string().nullable(),
  author: z.string().nullable(),
  /** the label as given, and its category */
  humanValue: labelValue,
  human: z.string(),
  /** the judge's score in [0, 1], and its category */
  judgeValue: z.number(),
  judge: z.string(),
  rationale: z.string().nullable(),
  evidence: z.array(z.number()),
  rubricVersion: z.number(),
});
export type DisagreementView = z.infer<typeof disagreementView>;

export const judgeAgreementView = z.object({
  judgeKey: z.string(),
  judgeName: z.string(),
  judgeId: z.string().nullable(),
  /** labels paired with a score */
  n: z.number(),
  agreement: z.number().nullable(),
  kappa: z.number().nullable(),
  /** why kappa is undefined, when it is */
  kappaNote: z.string().nullable(),
  ci: z.object({ low: z.number(), high: z.number(), resamples: z.number(), undefinedResamples: z.number() }).nullable(),
  /** rows: the human's category; columns: the judge's */
  matrix: z.array(z.array(z.number())),
  /** labels whose trajectory this judge tried but could not judge (an error, never counted) */
  notJudged: z.number(),
  disagreementCount: z.number(),
  disagreements: z.array(disagreementView),
});
export type JudgeAgreementView = z.infer<typeof judgeAgreementView>;

export const criterionAgreementView = z.object({
  labelSchemaId: z.string().uuid(),
  labelSchemaName: z.string(),
  labelKind: z.string(),
  rubricId: z.string().uuid(),
  rubricName: z.string(),
  criterionId: z.string(),
  /** null when no version of the rubric has the criterion any more */
  criterionTitle: z.string().nullable(),
  scale: z.enum(["pass-fail", "ternary"]),
  categories: z.array(z.string()),
  /** trajectory-level labels of the schema */
  labelCount: z.number(),
  /** labels that cannot be read as a score (e.g. a category that is not pass/fail) */
  unmapped: z.number(),
  judges: z.array(judgeAgreementView),
});
export type CriterionAgreementView = z.infer<typeof criterionAgreementView>;

export const agreementReport = z.object({
  items: z.array(criterionAgreementView),
  /** how labels and scores are mapped onto categories, in words */
  mapping: z.string(),
});
export type AgreementReport = z.infer<typeof agreementReport>;

export const disagreementQueueInput = z.object({
  labelSchemaId: z.string().uuid("labelSchemaId must be a UUID"),
  judgeKey: z.string().trim().min(1, "judgeKey names the judge (from the agreement report)").max(200),
  /** defaults to "Disagreements: <criterion> vs <judge>" */
  name: z.string().trim().min(1).max(100, "Keep the name under 100 characters").optional(),
});
export type DisagreementQueueInput = z.infer<typeof disagreementQueueInput>;

export const disagreementQueueResult = z.object({
  queue: queueDetail,
  /** distinct trajectories sent */
  sent: z.number(),
});
export type DisagreementQueueResult = z.infer<typeof disagreementQueueResult>;

export const mappingText =
  "Scores and labels are compared as categories. Ternary criteria (1 / 0.5 / 0): a score goes to the nearest of 1, 0.5, 0. " +
  "Other criteria: pass at 0.5 or more, else fail. Labels: binary true = 1, false = 0; numeric (value - min) / (max - min); " +
  "categorical values that are numbers in [0, 1] or words (pass/yes/correct = 1, partial = 0.5, fail/no/wrong = 0). " +
  "Each person's label is one pair with the judge's latest score of that trajectory.";
