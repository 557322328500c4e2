// The trajectory list and its facets: query and row schemas, safe for the browser.
import { z } from "zod";
import { outcomes } from "./format";

/** Outcomes a filter may ask for: the format's four, and "none" for episodes without one. */
export const outcomeFilters = [...outcomes, "none"] as const;
export type OutcomeFilter = (typeof outcomeFilters)[number];

export const trajectorySortKeys = [
  "createdAt",
  "reward",
  "stepCount",
  "peakContextTokens",
  "toolCallCount",
  "toolErrorCount",
  "durationMs",
] as const;
export type TrajectorySortKey = (typeof trajectorySortKeys)[number];
export const trajectorySorts = trajectorySortKeys.flatMap((k) => [k, `-${k}`] as const);

export const LIST_MAX = 200;

// Lists travel as one comma-separated parameter (`outcome=pass,fail`): the query string is
// read into a flat object, so a repeated parameter would keep only its last value.
const csv = <O extends string>(field: string, check: (v: string) => string | null) =>
  z
    .string()
    .max(4000, `${field} is too long: filter by fewer values`)
    .transform((s, ctx) => {
      const values = [...new Set(s.split(",").map((v) => v.trim()))].filter(Boolean);
      const problem = values.length > 50 ? `${field}: at most 50 values` : values.map(check).find(Boolean);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return values as O[];
    });

// an empty parameter (`rewardMin=`) means no bound, not 0
const reward = (field: string) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ message: `${field} must be a number, e.g. 0.5` })
      .refine(Number.isFinite, `${field} must be a finite number, e.g. 0.5`)
      .optional(),
  );

export const trajectoryListQuery = z
  .object({
    /** websearch syntax over every message: words, "a phrase", -excluded, or */
    q: z.string().trim().max(200, "q: search for at most 200 characters").optional(),
    runId: z.uuid("runId must be a run's UUID").optional(),
    /** the task's id in its benchmark (task_ref), or a task of the project by UUID */
    task: z.string().trim().max(300).optional(),
    outcome: csv<OutcomeFilter>("outcome", (v) =>
      (outcomeFilters as readonly string[]).includes(v)
        ? null
        : `outcome '${v}' is not one of ${outcomeFilters.join(", ")} (comma-separated)`,
    ).optional(),
    rewardMin: reward("rewardMin"),
    rewardMax: reward("rewardMax"),
    /** tool names, comma-separated: a trajectory must have called every one of them */
    tools: csv("tools", (v) => (v.length > 200 ? "tools: a tool name has at most 200 characters" : null)).optional(),
    toolErrors: z.enum(["yes", "no"], { message: "toolErrors takes yes or no" }).optional(),
    labels: z.enum(["labeled", "unlabeled"], { message: "labels takes labeled or unlabeled" }).optional(),
    policy: z.string().max(300).optional(),
    strategy: z.string().max(40).optional(),
    sort: z
      .enum(trajectorySorts, { message: `sort takes one of ${trajectorySortKeys.join(", ")}, with - for descending` })
      .default("-createdAt"),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIST_MAX, `limit: at most ${LIST_MAX} rows a page; follow nextCursor for more`)
      .default(50),
    /** nextCursor or prevCursor of an earlier page with the same sort; filters may differ */
    cursor: z.string().max(1000).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.rewardMin !== undefined && q.rewardMax !== undefined && q.rewardMin > q.rewardMax)
      ctx.addIssue({
        code: "custom",
        path: ["rewardMin"],
        message: `rewardMin (${q.rewardMin}) is above rewardMax (${q.rewardMax}): swap them or drop one`,
      });
  });
export type TrajectoryListQuery = z.infer<typeof trajectoryListQuery>;
export type TrajectoryListParams = z.input<typeof trajectoryListQuery>;

export const trajectoryRow = z.object({
  id: z.uuid(),
  clientId: z.string().nullable(),
  summary: z.string(),
  taskRef: z.string().nullable(),
  taskId: z.uuid().nullable(),
  runId: z.uuid().nullable(),
  runName: z.string().nullable(),
  policy: z.string().nullable(),
  loadingStrategy: z.string().nullable(),
  outcome: z.string().nullable(),
  reward: z.number().nullable(),
  stepCount: z.number().int(),
  toolCallCount: z.number().int(),
  toolErrorCount: z.number().int(),
  peakContextTokens: z.number().int().nullable(),
  contextLimit: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  labelCount: z.number().int(),
  createdAt: z.string(),
});
export type TrajectoryRow = z.infer<typeof trajectoryRow>;

export const trajectoryList = z.object({
  items: z.array(trajectoryRow),
  /** trajectories that match the filters, over all pages; null when counting took too long */
  total: z.number().int().nullable(),
  /** pass as `cursor` for the page after / before this one; null at either end */
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
});
export type TrajectoryList = z.infer<typeof trajectoryList>;

const counted = z.object({ value: z.string(), count: z.number().int() });
export const trajectoryFacets = z.object({
  total: z.number().int(),
  runs: z.array(z.object({ id: z.uuid(), name: z.string(), count: z.number().int() })),
  /** the most frequent task ids first, at most `FACET_TOP` of them */
  tasks: z.array(counted),
  /** the most used tools first, at most `FACET_TOP` of them */
  tools: z.array(counted),
  policies: z.array(counted),
  strategies: z.array(counted),
  /** every outcome filter with its count, "none" included */
  outcomes: z.array(z.object({ value: z.enum(outcomeFilters), count: z.number().int() })),
  labeled: z.number().int(),
  reward: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
});
export type TrajectoryFacets = z.infer<typeof trajectoryFacets>;
export const FACET_TOP = 200;
