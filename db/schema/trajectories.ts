import { customType, doublePrecision, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tstz } from "./columns";
import { jobs } from "./jobs";
import { projects } from "./projects";
import { judges, rubricVersions } from "./rubrics";
import { runs } from "./runs";
import { tasks } from "./tasks";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// One row per episode in the canonical format (lib/trajectories/format.ts). The columns
// after `metadata` are derived on ingest so that the list filters and sorts by index.
export const trajectories = pgTable(
  "trajectories",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    runId: uuid("run_id").references(() => runs.id, { onDelete: "set null" }),
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "set null" }),
    clientId: text("client_id"),
    outcome: text("outcome"),
    reward: doublePrecision("reward"),
    finalAnswer: text("final_answer"),
    stepCount: integer("step_count").notNull().default(0),
    metadata: jsonb("metadata").notNull().default({}),
    createdAt: createdAt(),
    /** the task id as the file gave it, kept when no task of the project matches */
    taskRef: text("task_ref"),
    /** the first user message, shortened: what the list shows */
    summary: text("summary").notNull().default(""),
    policy: text("policy"),
    loadingStrategy: text("loading_strategy"),
    tokenizer: text("tokenizer"),
    contextLimit: integer("context_limit"),
    tools: jsonb("tools").notNull().default([]),
    initialTools: text("initial_tools").array().notNull().default([]),
    toolsUsed: text("tools_used").array().notNull().default([]),
    toolCallCount: integer("tool_call_count").notNull().default(0),
    toolErrorCount: integer("tool_error_count").notNull().default(0),
    peakContextTokens: integer("peak_context_tokens"),
    durationMs: integer("duration_ms"),
    contentHash: text("content_hash").notNull().default(""),
    /** the import job that wrote it; an all-or-nothing import that fails deletes its rows */
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    search: tsvector("search"),
  },
  (t) => [
    unique("trajectories_client_uq").on(t.projectId, t.clientId),
    index("trajectories_project_created_idx").on(t.projectId, t.createdAt, t.id),
    // one per sort of the list, ending in id: a keyset page is one range scan in index order
    index("trajectories_list_reward_idx").on(t.projectId, t.reward, t.id),
    index("trajectories_list_steps_idx").on(t.projectId, t.stepCount, t.id),
    index("trajectories_list_peak_context_idx").on(t.projectId, t.peakContextTokens, t.id),
    index("trajectories_list_tool_calls_idx").on(t.projectId, t.toolCallCount, t.id),
    index("trajectories_list_tool_errors_idx").on(t.projectId, t.toolErrorCount, t.id),
    index("trajectories_list_duration_idx").on(t.projectId, t.durationMs, t.id),
    index("trajectories_project_task_idx").on(t.projectId, t.taskRef),
    index("trajectories_run_idx").on(t.runId),
    index("trajectories_task_idx").on(t.taskId),
    index("trajectories_job_idx").on(t.jobId),
    index("trajectories_tools_used_idx").using("gin", t.toolsUsed),
    index("trajectories_search_idx").using("gin", t.search),
  ],
);

export const trajectorySteps = pgTable(
  "trajectory_steps",
  {
    id: id(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    message: jsonb("message").notNull(),
    createdAt: createdAt(),
    role: text("role").notNull().default("assistant"),
    toolsLoaded: text("tools_loaded").array().notNull().default([]),
    toolsUnloaded: text("tools_unloaded").array().notNull().default([]),
    /** {system, toolSchemas, history, toolOutputs} tokens in context when this step was produced */
    context: jsonb("context"),
    tokens: integer("tokens"),
    /** bytes of the message as JSON: long ones are sent to the browser shortened */
    bytes: integer("bytes").notNull().default(0),
    usage: jsonb("usage"),
    latencyMs: integer("latency_ms"),
    error: text("error"),
    startedAt: tstz("started_at"),
  },
  (t) => [unique("trajectory_steps_uq").on(t.trajectoryId, t.index)],
);

export const scores = pgTable(
  "scores",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    rubricVersionId: uuid("rubric_version_id").references(() => rubricVersions.id, { onDelete: "set null" }),
    judgeId: uuid("judge_id").references(() => judges.id, { onDelete: "set null" }),
    criterionId: text("criterion_id"),
    // null with an error: a failed judgment is never a zero
    value: doublePrecision("value"),
    error: text("error"),
    rationale: text("rationale"),
    /** who gave it when no judge row did: "import", a judge's name in the file */
    source: text("source"),
    createdAt: createdAt(),
  },
  (t) => [index("scores_trajectory_idx").on(t.trajectoryId)],
);

export type Trajectory = typeof trajectories.$inferSelect;
export type TrajectoryStep = typeof trajectorySteps.$inferSelect;
