CREATE TYPE "public"."label_kind" AS ENUM('binary', 'categorical', 'numeric', 'text');--> statement-breakpoint
CREATE TYPE "public"."label_level" AS ENUM('trajectory', 'step');--> statement-breakpoint
CREATE TABLE "annotation_item_done" (
	"item_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annotation_item_done_item_id_user_id_pk" PRIMARY KEY("item_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "annotation_queue_assignees" (
	"queue_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annotation_queue_assignees_queue_id_user_id_pk" PRIMARY KEY("queue_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "annotation_queue_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"queue_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annotation_queue_items_uq" UNIQUE("queue_id","trajectory_id")
);
--> statement-breakpoint
CREATE TABLE "annotation_queues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"label_schema_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annotation_queues_name_uq" UNIQUE("project_id","name")
);
--> statement-breakpoint
CREATE TABLE "label_schemas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "label_kind" NOT NULL,
	"level" "label_level" DEFAULT 'trajectory' NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rubric_id" uuid,
	"criterion_id" text,
	"archived" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "label_schemas_name_uq" UNIQUE("project_id","name")
);
--> statement-breakpoint
DROP INDEX "trajectories_project_created_idx";--> statement-breakpoint
ALTER TABLE "scores" ALTER COLUMN "value" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "trajectories" ALTER COLUMN "reward" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "labels" ADD COLUMN "label_schema_id" uuid;--> statement-breakpoint
ALTER TABLE "labels" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "scores" ADD COLUMN "rationale" text;--> statement-breakpoint
ALTER TABLE "scores" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "task_ref" text;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "policy" text;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "loading_strategy" text;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "tokenizer" text;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "context_limit" integer;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "tools" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "initial_tools" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "tools_used" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "tool_call_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "tool_error_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "peak_context_tokens" integer;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "duration_ms" integer;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "content_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "job_id" uuid;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "search" "tsvector";--> statement-breakpoint
ALTER TABLE "trajectory_steps" ADD COLUMN "role" text DEFAULT 'assistant' NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectory_steps" ADD COLUMN "tools_loaded" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectory_steps" ADD COLUMN "tools_unloaded" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectory_steps" ADD COLUMN "context" jsonb;--> statement-breakpoint
ALTER TABLE "trajectory_steps" ADD COLUMN "tokens" integer;--> statement-breakpoint
ALTER TABLE "trajectory_steps" ADD COLUMN "bytes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectory_steps" ADD COLUMN "usage" jsonb;--> statement-breakpoint
ALTER TABLE "trajectory_steps" ADD COLUMN "latency_ms" integer;--> statement-breakpoint
ALTER TABLE "trajectory_steps" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "trajectory_steps" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "annotation_item_done" ADD CONSTRAINT "annotation_item_done_item_id_annotation_queue_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."annotation_queue_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_item_done" ADD CONSTRAINT "annotation_item_done_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_queue_assignees" ADD CONSTRAINT "annotation_queue_assignees_queue_id_annotation_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."annotation_queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_queue_assignees" ADD CONSTRAINT "annotation_queue_assignees_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_queue_items" ADD CONSTRAINT "annotation_queue_items_queue_id_annotation_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."annotation_queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_queue_items" ADD CONSTRAINT "annotation_queue_items_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_queues" ADD CONSTRAINT "annotation_queues_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annotation_queues" ADD CONSTRAINT "annotation_queues_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_schemas" ADD CONSTRAINT "label_schemas_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_schemas" ADD CONSTRAINT "label_schemas_rubric_id_rubrics_id_fk" FOREIGN KEY ("rubric_id") REFERENCES "public"."rubrics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_schemas" ADD CONSTRAINT "label_schemas_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annotation_queue_items_pos_idx" ON "annotation_queue_items" USING btree ("queue_id","position");--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_label_schema_id_label_schemas_id_fk" FOREIGN KEY ("label_schema_id") REFERENCES "public"."label_schemas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "labels_project_idx" ON "labels" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "trajectories_project_reward_idx" ON "trajectories" USING btree ("project_id","reward");--> statement-breakpoint
CREATE INDEX "trajectories_project_steps_idx" ON "trajectories" USING btree ("project_id","step_count");--> statement-breakpoint
CREATE INDEX "trajectories_project_task_idx" ON "trajectories" USING btree ("project_id","task_ref");--> statement-breakpoint
CREATE INDEX "trajectories_task_idx" ON "trajectories" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "trajectories_job_idx" ON "trajectories" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "trajectories_tools_used_idx" ON "trajectories" USING gin ("tools_used");--> statement-breakpoint
CREATE INDEX "trajectories_search_idx" ON "trajectories" USING gin ("search");--> statement-breakpoint
CREATE INDEX "trajectories_project_created_idx" ON "trajectories" USING btree ("project_id","created_at","id");--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_author_uq" UNIQUE NULLS NOT DISTINCT("label_schema_id","trajectory_id","step_index","author_id");