import { bigserial, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, tstz } from "./columns";
import { projects } from "./projects";

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

export type Policy = typeof policies.$inferSelect;
export type Run = typeof runs.$inferSelect;
