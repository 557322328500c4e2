import { bigserial, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, tstz } from "./columns";
import { projects } from "./projects";
import { runs } from "./runs";

export const jobStatus = pgEnum("job_status", ["queued", "running", "cancelling", "cancelled", "succeeded", "failed"]);

// The user-visible truth about long work; pg-boss only dispatches its steps.
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    runId: uuid("run_id").references(() => runs.id, { onDelete: "set null" }),
    type: text("type").notNull(),
    typeVersion: integer("type_version").notNull(),
    status: jobStatus("status").notNull().default("queued"),
    payload: jsonb("payload").notNull(),
    // the step plan a handler computed once, so every worker runs the same steps
    plan: jsonb("plan"),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total"),
    result: jsonb("result"),
    error: text("error"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdByKeyId: uuid("created_by_key_id"),
    createdAt: createdAt(),
    startedAt: tstz("started_at"),
    finishedAt: tstz("finished_at"),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [index("jobs_project_created_idx").on(t.projectId, t.createdAt), index("jobs_status_idx").on(t.status)],
);

// One row per finished step, written in the same transaction as the step's effects:
// the primary key is what makes a re-delivered step a no-op.
export const jobSteps = pgTable(
  "job_steps",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    step: integer("step").notNull(),
    result: jsonb("result"),
    attempts: integer("attempts").notNull().default(1),
    finishedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.step] })],
);

export const jobLogs = pgTable(
  "job_logs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    level: text("level").notNull().default("info"),
    message: text("message").notNull(),
    at: createdAt(),
  },
  (t) => [index("job_logs_job_idx").on(t.jobId, t.id)],
);

export const artifacts = pgTable(
  "artifacts",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("artifacts_project_idx").on(t.projectId), index("artifacts_job_idx").on(t.jobId)],
);

export const meta = pgTable("atlas_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

export type Job = typeof jobs.$inferSelect;
export type JobLog = typeof jobLogs.$inferSelect;
export type Artifact = typeof artifacts.$inferSelect;
