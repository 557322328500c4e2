// Benchmark runs: a policy, a task set on a toolspace, a loading strategy, a rubric and a judge,
// run as episodes (task × sample) by a job. Browser-safe.
import { z } from "zod";
import { strategies } from "@/lib/runtime/strategies/prompts";

export const runStrategy = z.enum(strategies, { error: `strategy must be one of ${strategies.join(", ")}` });

export const RUN_DEFAULT_LIMITS = {
  maxTurns: 30,
  maxToolCalls: 60,
  contextBudget: 32_000,
  toolTimeoutMs: 30_000,
  maxToolResultTokens: 4_000,
};

const bounded = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a whole number from ${min} to ${max}` })
    .int(`${field} must be a whole number from ${min} to ${max}`)
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);

export const runLimits = z.object({
  maxTurns: bounded("limits.maxTurns", 1, 200),
  maxToolCalls: bounded("limits.maxToolCalls", 1, 1000),
  contextBudget: bounded("limits.contextBudget", 1_000, 2_000_000),
  toolTimeoutMs: bounded("limits.toolTimeoutMs", 100, 600_000),
  maxToolResultTokens: bounded("limits.maxToolResultTokens", 100, 200_000),
});
export type RunLimits = z.infer<typeof runLimits>;

export const runRubric = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("task") }),
    z.object({ mode: z.literal("version"), rubricVersionId: z.uuid("rubric.rubricVersionId must be a UUID") }),
  ],
  { error: 'rubric must be {"mode":"task"} (each task\'s own rubric) or {"mode":"version","rubricVersionId":"…"}' },
);
export type RunRubric = z.infer<typeof runRubric>;

/** How search_tools ranks under ITL and ITL+PTC: BM25 needs nothing; an embedding model is a folder on the workers. */
export const runRetrieval = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("bm25") }),
    z.object({
      kind: z.literal("embedding"),
      modelDir: z
        .string({ error: "retrieval.modelDir is required: a folder with model.onnx and tokenizer.json" })
        .trim()
        .min(1, "retrieval.modelDir must not be empty: a folder with model.onnx and tokenizer.json"),
      queryPrefix: z.string().max(100).optional(),
      documentPrefix: z.string().max(100).optional(),
    }),
  ],
  { error: 'retrieval must be {"kind":"bm25"} or {"kind":"embedding","modelDir":"…"}' },
);
export type RunRetrieval = z.infer<typeof runRetrieval>;

export const createRunInput = z.object({
  /** made from the policy, strategy and task set when left out */
  name: z.string().trim().min(1, "name must not be empty").max(200, "name must be at most 200 characters").optional(),
  policyId: z.uuid("policyId must be a policy's UUID: take one from GET /api/v1/projects/{projectId}/policies"),
  taskSetId: z.uuid("taskSetId must be a task set's UUID"),
  /** the task set's own toolspace when left out */
  toolspaceId: z.uuid("toolspaceId must be a toolspace's UUID").nullish(),
  strategy: runStrategy,
  /** a saved strategy prompt version; the built-in prompt when left out */
  promptVersionId: z.uuid("promptVersionId must be a strategy prompt version's UUID").nullish(),
  rubric: runRubric.default({ mode: "task" }),
  retrieval: runRetrieval.default({ kind: "bm25" }),
  /** model or ONNX judge for the rubric's judged criteria; without one they are "not judged" */
  judgeId: z.uuid("judgeId must be a judge's UUID").nullish(),
  samples: bounded("samples", 1, 16).default(1),
  concurrency: bounded("concurrency", 1, 32).default(4),
  limits: runLimits.partial().default({}),
  /** run only the first N tasks of the set: a quick try */
  taskLimit: bounded("taskLimit", 1, 100_000).nullish(),
  /** the checkpoint the policy serves, for the leaderboard */
  checkpoint: z.string().trim().max(300, "checkpoint must be at most 300 characters").nullish(),
});
export type CreateRunInput = z.input<typeof createRunInput>;

/** What runs.config holds for a benchmark run. */
export const benchmarkConfig = z.object({
  taskSetId: z.uuid(),
  toolspaceId: z.uuid(),
  strategy: runStrategy,
  promptVersionId: z.uuid().nullable(),
  rubric: runRubric,
  /** absent in runs made before retrieval could be chosen: BM25 */
  retrieval: runRetrieval.default({ kind: "bm25" }),
  judgeId: z.uuid().nullable(),
  samples: z.number().int(),
  concurrency: z.number().int(),
  limits: runLimits,
  taskLimit: z.number().int().nullable(),
  checkpoint: z.string().nullable(),
  policy: z.object({ name: z.string(), model: z.string() }),
});
export type BenchmarkConfig = z.infer<typeof benchmarkConfig>;

export const runStatuses = ["queued", "running", "cancelling", "succeeded", "failed", "cancelled"] as const;
export const episodeStatuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type EpisodeStatus = (typeof episodeStatuses)[number];

const counts = z.object(
  Object.fromEntries(episodeStatuses.map((s) => [s, z.number().int()])) as Record<EpisodeStatus, z.ZodNumber>,
);

export const runView = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  status: z.enum(runStatuses),
  policy: z.object({ id: z.uuid().nullable(), name: z.string(), model: z.string() }),
  taskSet: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  toolspace: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  strategy: z.string(),
  config: benchmarkConfig.nullable(),
  jobId: z.uuid().nullable(),
  counts,
  episodes: z.number().int(),
  /** mean reward of the judged episodes; null when none has a reward yet */
  meanReward: z.number().nullable(),
  judged: z.number().int(),
  passed: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type RunView = z.infer<typeof runView>;

export const runList = z.object({ items: z.array(runView) });
export const runListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const episodeView = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  task: z.string(),
  category: z.string().nullable(),
  sample: z.number().int(),
  status: z.enum(episodeStatuses),
  attempts: z.number().int(),
  error: z.string().nullable(),
  trajectoryId: z.uuid().nullable(),
  outcome: z.string().nullable(),
  reward: z.number().nullable(),
  /** assistant messages */
  turns: z.number().int().nullable(),
  peakContextTokens: z.number().int().nullable(),
  toolCalls: z.number().int().nullable(),
  stopReason: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type EpisodeView = z.infer<typeof episodeView>;

export const runDetail = runView.extend({ episodeList: z.array(episodeView) });
export type RunDetail = z.infer<typeof runDetail>;
