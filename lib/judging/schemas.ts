// Judging runs, their results and the reward API, as the browser and API clients see them.
// Safe for the browser. A criterion that could not be judged carries an error and a null value,
// never a zero; rewards leave it out and name it in notJudged.
import { z } from "zod";
import { jobProgress, jobStatusSchema } from "@/lib/jobs/schemas";

export const JUDGING_MAX_TRAJECTORIES = 5000;
export const REWARD_MAX_TRAJECTORIES = 64;
/** The program checks' judge key in the judging cache: they need no judge row. */
export const PROGRAM_JUDGE_KEY = "program";

const uuid = (name: string, what: string) => z.uuid(`${name} must be ${what}'s UUID`);

/**
 * Which trajectories to judge: a list of ids, or every trajectory of a run and/or a task
 * (at most 5000 either way).
 */
export const judgingRunInput = z
  .object({
    rubricVersionId: uuid("rubricVersionId", "a rubric version"),
    /** leave out when every criterion is a program check; model/onnx criteria are then not judged */
    judgeId: uuid("judgeId", "a judge").nullish(),
    trajectoryIds: z
      .array(z.uuid("trajectoryIds: each must be a trajectory's UUID"))
      .min(1, "trajectoryIds: choose at least one trajectory")
      .max(JUDGING_MAX_TRAJECTORIES, `trajectoryIds: at most ${JUDGING_MAX_TRAJECTORIES} per run`)
      .optional(),
    /** every trajectory of this run of the project */
    runId: uuid("runId", "a run").optional(),
    /** every trajectory of this task (its id in the benchmark, as the trajectory list shows it) */
    taskRef: z.string().trim().min(1).max(300).optional(),
  })
  .refine((v) => v.trajectoryIds || v.runId || v.taskRef, {
    path: ["trajectoryIds"],
    message: "choose trajectories: trajectoryIds, or runId and/or taskRef for all of a run or a task",
  })
  .refine((v) => !(v.trajectoryIds && (v.runId || v.taskRef)), {
    path: ["trajectoryIds"],
    message: "send either trajectoryIds or runId/taskRef, not both",
  });
export type JudgingRunInput = z.infer<typeof judgingRunInput>;

export const judgingCounts = z.object({
  /** criterion judgments planned: trajectories × criteria a program or the judge scores */
  total: z.number().int(),
  /** served from the judging cache */
  cached: z.number().int(),
  /** judged by this run */
  judged: z.number().int(),
  /** failed judgments (judged again by the next run) */
  errors: z.number().int(),
});

export const judgingRunView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  rubricId: z.uuid(),
  rubricName: z.string(),
  rubricVersionId: z.uuid(),
  rubricVersion: z.number().int(),
  judge: z.object({ id: z.uuid().nullable(), name: z.string(), kind: z.string() }).nullable(),
  judgeKey: z.string(),
  trajectoryCount: z.number().int(),
  jobId: z.uuid().nullable(),
  /** the job's status ("succeeded" for a finished run judged without a job); null when its job was removed */
  status: jobStatusSchema.nullable(),
  error: z.string().nullable(),
  counts: judgingCounts,
  progress: jobProgress.nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JudgingRunView = z.infer<typeof judgingRunView>;

export const judgingRunListQuery = z.object({
  rubricId: uuid("rubricId", "a rubric").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const judgingRunList = z.object({ items: z.array(judgingRunView) });

export const criterionResult = z.object({
  criterionId: z.string(),
  /** in [0, 1] after the criterion's scale; null when not judged */
  value: z.number().nullable(),
  /** the verifier's own answer (e.g. 7 on a 1-10 band scale) */
  raw: z.number().nullable(),
  /** why it was not judged: a judge failure, "not judged: no model judge chosen", or "pending" while a run works */
  error: z.string().nullable(),
  rationale: z.string().nullable(),
  /** step indexes; link to the viewer as /projects/{id}/trajectories/{trajectoryId}?step=N */
  evidence: z.array(z.number().int()),
  /** served from the judging cache rather than judged now */
  cached: z.boolean(),
  latencyMs: z.number().nullable(),
});
export type CriterionResult = z.infer<typeof criterionResult>;

export const rewardOutcome = z.object({
  reward: z.number().nullable(),
  /** coverage-pass rubrics only */
  passed: z.boolean().nullable(),
  /** criteria left out of the reward because they could not be judged */
  notJudged: z.array(z.string()),
  /** essential-gate rubrics: the essential criteria that failed */
  gatedBy: z.array(z.string()),
  criteria: z.array(criterionResult),
});
export type RewardOutcome = z.infer<typeof rewardOutcome>;

export const trajectoryResult = rewardOutcome.extend({
  trajectoryId: z.uuid(),
  taskRef: z.string().nullable(),
  summary: z.string().nullable(),
  policy: z.string().nullable(),
  /** true while the run has not judged every criterion of it yet */
  pending: z.boolean(),
});
export type TrajectoryResult = z.infer<typeof trajectoryResult>;

/** One criterion over the run: the aggregate row of the results table. */
export const criterionSummary = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  weight: z.number(),
  verifier: z.enum(["program", "model", "onnx"]),
  /** mean value over the trajectories where it was judged; null when none */
  mean: z.number().nullable(),
  judged: z.number().int(),
  notJudged: z.number().int(),
  errors: z.number().int(),
});
export type CriterionSummary = z.infer<typeof criterionSummary>;

export const judgingResultsQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(JUDGING_MAX_TRAJECTORIES).default(JUDGING_MAX_TRAJECTORIES),
});

export const judgingResults = z.object({
  run: judgingRunView,
  aggregation: z.object({ rule: z.string() }).loose(),
  /** over every trajectory of the run, whatever the page */
  criteria: z.array(criterionSummary),
  rewardMean: z.number().nullable(),
  /** coverage-pass rubrics: share of judged trajectories that passed */
  passRate: z.number().nullable(),
  total: z.number().int(),
  items: z.array(trajectoryResult),
});
export type JudgingResults = z.infer<typeof judgingResults>;

export const rewardBody = z.object({
  rubricVersionId: uuid("rubricVersionId", "a rubric version"),
  judgeId: uuid("judgeId", "a judge").nullish(),
  /** ask for the group's mean and std, for group-relative advantages */
  groupId: z.string().trim().min(1).max(200).optional(),
  trajectories: z
    .array(z.unknown())
    .min(1, "trajectories must hold at least one record")
    .max(REWARD_MAX_TRAJECTORIES, `trajectories: send at most ${REWARD_MAX_TRAJECTORIES} per request`),
});
export type RewardBody = z.infer<typeof rewardBody>;

export const rewardResult = rewardOutcome.extend({
  index: z.number().int(),
  /** the record's id, or sha256:<content hash> when it has none */
  id: z.string(),
  /** (reward - group mean) / group std when a groupId was sent (0 when every reward is the same); null without a reward or a groupId */
  advantage: z.number().nullable(),
});
export type RewardResult = z.infer<typeof rewardResult>;

export const rewardResponse = z.object({
  groupId: z.string().nullable(),
  results: z.array(rewardResult),
  /** over the results with a reward; null without a groupId */
  group: z.object({ mean: z.number().nullable(), std: z.number().nullable(), n: z.number().int() }).nullable(),
  cache: z.object({ hits: z.number().int(), judged: z.number().int() }),
});
export type RewardResponse = z.infer<typeof rewardResponse>;
