import { index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { projects } from "./projects";
import { toolspaces } from "./toolspaces";

export const taskSets = pgTable(
  "task_sets",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    source: text("source"),
    toolspaceId: uuid("toolspace_id").references(() => toolspaces.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("task_sets_project_idx").on(t.projectId)],
);

export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    taskSetId: uuid("task_set_id")
      .notNull()
      .references(() => taskSets.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    prompt: text("prompt").notNull(),
    // expected answer, claims, gold actions: open shapes that depend on the source benchmark
    reference: jsonb("reference").notNull().default({}),
    metadata: jsonb("metadata").notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [unique("tasks_external_uq").on(t.taskSetId, t.externalId), index("tasks_project_idx").on(t.projectId)],
);

export type TaskSet = typeof taskSets.$inferSelect;
export type Task = typeof tasks.$inferSelect;
