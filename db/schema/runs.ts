import {
  bigserial,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, tstz } from "./columns";
import { projects } from "./projects";
import { tasks } from "./tasks";

export const policies = pgTable(
  "policies",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    baseUrl: text("base_url").notNull(),
    model: text("model").notNull(),
    // temperature, max tokens, context window, tokenizer; the API key lives server-side only
    config: jsonb("config").notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("policies_project_idx").on(t.projectId)],
);

export const runKind = pgEnum("run_kind", ["benchmark", "training"]);
export const runStatus = pgEnum("run_status", ["queued", "running", "succeeded", "failed", "cancelled"]);

export const runs = pgTable(
  "runs",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: runKind("kind").notNull(),
    name: text("name").notNull(),
    status: runStatus("status").notNull().default("queued"),
    policyId: uuid("policy_id").references(() => policies.id, { onDelete: "set null" }),
    config: jsonb("config").notNull().default({}),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    startedAt: tstz("started_at"),
    finishedAt: tstz("finished_at"),
  },
  (t) => [index("runs_project_idx").on(t.projectId, t.createdAt)],
);

export const metrics = pgTable(
  "metrics",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    step: integer("step").notNull(),
    value: doublePrecision("value").notNull(),
    at: createdAt(),
  },
  (t) => [index("metrics_run_key_step_idx").on(t.runId, t.key, t.step)],
);

export const checkpoints = pgTable(
  "checkpoints",
  {
    id: id(),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    step: integer("step").notNull(),
    uri: text("uri").notNull(),
    metadata: jsonb("metadata").notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("checkpoints_run_idx").on(t.runId, t.step)],
);

// Strategy prompt templates the user edits; versions are immutable like rubric versions.
export const strategyPrompts = pgTable(
  "strategy_prompts",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** eager | isl | itl | itl-ptc */
    strategy: text("strategy").notNull(),
    version: integer("version").notNull(),
    template: text("template").notNull(),
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique("strategy_prompts_version_uq").on(t.projectId, t.strategy, t.version)],
);

export const episodeStatus = pgEnum("episode_status", ["queued", "running", "succeeded", "failed", "cancelled"]);

// One planned episode of a benchmark run: (task, sample). The trajectory it produced is written
// step by step; a failed episode can be run again alone.
export const episodes = pgTable(
  "episodes",
  {
    id: id(),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    sample: integer("sample").notNull(),
    status: episodeStatus("status").notNull().default("queued"),
    /** the trajectory of its latest attempt */
    trajectoryId: uuid("trajectory_id"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    startedAt: tstz("started_at"),
    finishedAt: tstz("finished_at"),
  },
  (t) => [unique("episodes_run_task_sample_uq").on(t.runId, t.taskId, t.sample), index("episodes_run_idx").on(t.runId)],
);

export type Policy = typeof policies.$inferSelect;
export type Run = typeof runs.$inferSelect;
export type StrategyPrompt = typeof strategyPrompts.$inferSelect;
export type Episode = typeof episodes.$inferSelect;
