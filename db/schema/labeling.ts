import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, tstz } from "./columns";
import { projects } from "./projects";
import { rubrics } from "./rubrics";
import { trajectories } from "./trajectories";

export const labelKind = pgEnum("label_kind", ["binary", "categorical", "numeric", "text"]);
export const labelLevel = pgEnum("label_level", ["trajectory", "step"]);

// What people may label, per project. Tied to a rubric criterion, labels become the human
// side of judge-versus-human agreement.
export const labelSchemas = pgTable(
  "label_schemas",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    kind: labelKind("kind").notNull(),
    level: labelLevel("level").notNull().default("trajectory"),
    /** categorical: {categories: [{value, hotkey?}]}; numeric: {min, max, step?} */
    options: jsonb("options").notNull().default({}),
    rubricId: uuid("rubric_id").references(() => rubrics.id, { onDelete: "set null" }),
    criterionId: text("criterion_id"),
    archived: boolean("archived").notNull().default(false),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique("label_schemas_name_uq").on(t.projectId, t.name)],
);

// One label per (schema, trajectory, step, author): two people labeling the same item keep
// two labels; the same person labeling again updates theirs.
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
    labelSchemaId: uuid("label_schema_id").references(() => labelSchemas.id, { onDelete: "cascade" }),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("labels_trajectory_idx").on(t.trajectoryId),
    index("labels_project_idx").on(t.projectId, t.createdAt),
    unique("labels_author_uq").on(t.labelSchemaId, t.trajectoryId, t.stepIndex, t.authorId).nullsNotDistinct(),
  ],
);

export const annotationQueues = pgTable(
  "annotation_queues",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    labelSchemaIds: uuid("label_schema_ids").array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique("annotation_queues_name_uq").on(t.projectId, t.name)],
);

export const annotationQueueItems = pgTable(
  "annotation_queue_items",
  {
    id: id(),
    queueId: uuid("queue_id")
      .notNull()
      .references(() => annotationQueues.id, { onDelete: "cascade" }),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("annotation_queue_items_uq").on(t.queueId, t.trajectoryId),
    index("annotation_queue_items_pos_idx").on(t.queueId, t.position),
  ],
);

export const annotationQueueAssignees = pgTable(
  "annotation_queue_assignees",
  {
    queueId: uuid("queue_id")
      .notNull()
      .references(() => annotationQueues.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.userId] })],
);

/** An assignee marked this item done: the queue's progress per assignee counts these. */
export const annotationItemDone = pgTable(
  "annotation_item_done",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => annotationQueueItems.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    doneAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId] })],
);

export type LabelSchema = typeof labelSchemas.$inferSelect;
export type Label = typeof labels.$inferSelect;
export type AnnotationQueue = typeof annotationQueues.$inferSelect;
