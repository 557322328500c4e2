import { doublePrecision, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, tstz } from "./columns";
import { jobs } from "./jobs";
import { projects } from "./projects";
import { judges, rubricVersions } from "./rubrics";

// One criterion judged on one trajectory content. The unique key is the judging cache: the same
// rubric version, judge configuration and trajectory content are never judged twice. A failed
// judgment keeps its error and a null value; the next run judges it again.
export const judgments = pgTable(
  "judgments",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    rubricVersionId: uuid("rubric_version_id")
      .notNull()
      .references(() => rubricVersions.id, { onDelete: "cascade" }),
    /** sha256 of the judge's configuration without secrets; "program" for program checks */
    judgeKey: text("judge_key").notNull(),
    contentHash: text("content_hash").notNull(),
    criterionId: text("criterion_id").notNull(),
    /** in [0, 1] after the scale is applied; null when not judged */
    value: doublePrecision("value"),
    /** the judge's own answer before normalizing (e.g. 7 on a 1-10 band scale) */
    raw: doublePrecision("raw"),
    error: text("error"),
    rationale: text("rationale"),
    /** step indexes the verdict relied on */
    evidence: integer("evidence").array().notNull().default([]),
    /** per-sample answers when a judge samples n times */
    samples: jsonb("samples"),
    latencyMs: integer("latency_ms"),
    promptTokens: integer("prompt_tokens"),
    completionTokens: integer("completion_tokens"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("judgments_cache_uq").on(t.rubricVersionId, t.judgeKey, t.contentHash, t.criterionId),
    index("judgments_content_idx").on(t.projectId, t.contentHash),
  ],
);

// A rubric version and a judge applied to a set of trajectories: a playground run or a batch.
// Its job does the work; the run keeps what the results page needs to find them again.
export const judgingRuns = pgTable(
  "judging_runs",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    rubricVersionId: uuid("rubric_version_id")
      .notNull()
      .references(() => rubricVersions.id, { onDelete: "cascade" }),
    /** null when every criterion is a program check */
    judgeId: uuid("judge_id").references(() => judges.id, { onDelete: "set null" }),
    judgeKey: text("judge_key").notNull(),
    /** a frozen copy of the judge as it was (secrets removed), so results stay explainable */
    judgeSnapshot: jsonb("judge_snapshot"),
    trajectoryIds: uuid("trajectory_ids").array().notNull(),
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    /** criterion judgments: planned, served from the cache, judged now, failed */
    total: integer("total").notNull().default(0),
    cached: integer("cached").notNull().default(0),
    judged: integer("judged").notNull().default(0),
    errors: integer("errors").notNull().default(0),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: tstz("finished_at"),
  },
  (t) => [index("judging_runs_project_idx").on(t.projectId, t.createdAt)],
);

export type Judgment = typeof judgments.$inferSelect;
export type JudgingRun = typeof judgingRuns.$inferSelect;
