import { index, integer, jsonb, pgTable, real, text, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";
import { projects } from "./projects";
import { judges, rubricVersions } from "./rubrics";
import { runs } from "./runs";
import { tasks } from "./tasks";

// Minimal on purpose: the trajectory format (per-step context accounting, loaded tools)
// is defined with the importers and the viewer and extends these tables by migration.
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
    reward: real("reward"),
    finalAnswer: text("final_answer"),
    stepCount: integer("step_count").notNull().default(0),
    metadata: jsonb("metadata").notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    unique("trajectories_client_uq").on(t.projectId, t.clientId),
    index("trajectories_project_created_idx").on(t.projectId, t.createdAt),
    index("trajectories_run_idx").on(t.runId),
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
    value: real("value"),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("scores_trajectory_idx").on(t.trajectoryId)],
);

export const labels = pgTable(
  "labels",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    stepIndex: integer("step_index"),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("labels_trajectory_idx").on(t.trajectoryId)],
);

export type Trajectory = typeof trajectories.$inferSelect;
export type TrajectoryStep = typeof trajectorySteps.$inferSelect;
