DROP INDEX "trajectories_project_reward_idx";--> statement-breakpoint
DROP INDEX "trajectories_project_steps_idx";--> statement-breakpoint
CREATE INDEX "trajectories_list_reward_idx" ON "trajectories" USING btree ("project_id","reward","id");--> statement-breakpoint
CREATE INDEX "trajectories_list_steps_idx" ON "trajectories" USING btree ("project_id","step_count","id");--> statement-breakpoint
CREATE INDEX "trajectories_list_peak_context_idx" ON "trajectories" USING btree ("project_id","peak_context_tokens","id");--> statement-breakpoint
CREATE INDEX "trajectories_list_tool_calls_idx" ON "trajectories" USING btree ("project_id","tool_call_count","id");--> statement-breakpoint
CREATE INDEX "trajectories_list_tool_errors_idx" ON "trajectories" USING btree ("project_id","tool_error_count","id");--> statement-breakpoint
CREATE INDEX "trajectories_list_duration_idx" ON "trajectories" USING btree ("project_id","duration_ms","id");