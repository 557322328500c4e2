CREATE TABLE "judging_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"rubric_version_id" uuid NOT NULL,
	"judge_id" uuid,
	"judge_key" text NOT NULL,
	"judge_snapshot" jsonb,
	"trajectory_ids" uuid[] NOT NULL,
	"job_id" uuid,
	"total" integer DEFAULT 0 NOT NULL,
	"cached" integer DEFAULT 0 NOT NULL,
	"judged" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "judgments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"rubric_version_id" uuid NOT NULL,
	"judge_key" text NOT NULL,
	"content_hash" text NOT NULL,
	"criterion_id" text NOT NULL,
	"value" double precision,
	"raw" double precision,
	"error" text,
	"rationale" text,
	"evidence" integer[] DEFAULT '{}' NOT NULL,
	"samples" jsonb,
	"latency_ms" integer,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "judgments_cache_uq" UNIQUE("rubric_version_id","judge_key","content_hash","criterion_id")
);
--> statement-breakpoint
ALTER TABLE "judging_runs" ADD CONSTRAINT "judging_runs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judging_runs" ADD CONSTRAINT "judging_runs_rubric_version_id_rubric_versions_id_fk" FOREIGN KEY ("rubric_version_id") REFERENCES "public"."rubric_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judging_runs" ADD CONSTRAINT "judging_runs_judge_id_judges_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."judges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judging_runs" ADD CONSTRAINT "judging_runs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judging_runs" ADD CONSTRAINT "judging_runs_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_rubric_version_id_rubric_versions_id_fk" FOREIGN KEY ("rubric_version_id") REFERENCES "public"."rubric_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "judging_runs_project_idx" ON "judging_runs" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "judgments_content_idx" ON "judgments" USING btree ("project_id","content_hash");