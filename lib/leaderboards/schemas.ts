// A task set's leaderboard: query and response schemas, safe for the browser.
import { z } from "zod";

export const leaderboardQuery = z.object({
  /** without it, the task set whose benchmark run started last */
  taskSetId: z
    .uuid("taskSetId must be a task set's UUID; GET without it lists the task sets that have runs")
    .optional(),
});
export type LeaderboardQuery = z.infer<typeof leaderboardQuery>;

const num = z.number().nullable();

export const leaderboardInterval = z.union([
  z.object({ low: z.number(), high: z.number() }),
  z.object({ reason: z.string() }),
]);

export const leaderboardCategory = z.object({
  category: z.string(),
  /** scored episodes of the category's tasks */
  n: z.number().int(),
  meanReward: num,
});

export const leaderboardRow = z.object({
  runId: z.uuid(),
  runName: z.string(),
  status: z.string(),
  createdAt: z.string(),
  policyName: z.string().nullable(),
  policyModel: z.string().nullable(),
  strategy: z.string().nullable(),
  checkpoint: z.string().nullable(),
  /** episodes with a trajectory: the latest attempt of each */
  episodes: z.number().int(),
  /** episodes with a reward, or that errored (they count as reward 0 and not passed) */
  scored: z.number().int(),
  /** finished without a reward yet: left out of the mean and the pass rate */
  unscored: z.number().int(),
  errors: z.number().int(),
  passes: z.number().int(),
  meanReward: num,
  interval: leaderboardInterval,
  passRate: num,
  categories: z.array(leaderboardCategory),
  /** assistant steps per episode */
  meanTurns: num,
  meanPeakContextTokens: num,
  meanToolCalls: num,
  meanDurationMs: num,
  /** no other run has less context and more score */
  paretoOptimal: z.boolean(),
});
export type LeaderboardRow = z.infer<typeof leaderboardRow>;

export const leaderboardTaskSet = z.object({
  id: z.uuid(),
  name: z.string(),
  runCount: z.number().int(),
  lastRunAt: z.string(),
});
export type LeaderboardTaskSet = z.infer<typeof leaderboardTaskSet>;

export const leaderboard = z.object({
  /** task sets of the project with at least one benchmark run, the latest run first */
  taskSets: z.array(leaderboardTaskSet),
  taskSet: z.object({ id: z.uuid(), name: z.string(), taskCount: z.number().int() }).nullable(),
  /** the task set's categories (tasks.metadata.category), in name order */
  categories: z.array(z.string()),
  rows: z.array(leaderboardRow),
  /** run ids on the Pareto front, least context first */
  paretoFront: z.array(z.uuid()),
  bootstrap: z.object({ resamples: z.number().int(), confidence: z.number(), seed: z.number().int() }),
});
export type Leaderboard = z.infer<typeof leaderboard>;
