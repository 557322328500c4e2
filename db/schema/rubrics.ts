import { index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";
import { projects } from "./projects";
import { taskSets, tasks } from "./tasks";

export const rubrics = pgTable(
  "rubrics",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "set null" }),
    taskSetId: uuid("task_set_id").references(() => taskSets.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("rubrics_project_idx").on(t.projectId), index("rubrics_task_idx").on(t.taskId)],
);

// Versions are immutable: a save inserts the next version, never updates one.
export const rubricVersions = pgTable(
  "rubric_versions",
  {
    id: id(),
    rubricId: uuid("rubric_id")
      .notNull()
      .references(() => rubrics.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    criteria: jsonb("criteria").notNull(),
    aggregation: jsonb("aggregation").notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique("rubric_versions_uq").on(t.rubricId, t.version)],
);

export const judgeKind = pgEnum("judge_kind", ["program", "model", "onnx"]);

export const judges = pgTable(
  "judges",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: judgeKind("kind").notNull(),
    config: jsonb("config").notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("judges_project_idx").on(t.projectId)],
);

export type Rubric = typeof rubrics.$inferSelect;
export type RubricVersion = typeof rubricVersions.$inferSelect;
export type Judge = typeof judges.$inferSelect;
