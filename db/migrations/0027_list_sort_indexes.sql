CREATE INDEX "installations_attention_idx" ON "installations" USING btree (("status" NOT IN ('failed', 'rolled-back')),"last_changed_at","id");--> statement-breakpoint
CREATE INDEX "installations_last_code_idx" ON "installations" USING btree (coalesce("last_code", ''),"id");--> statement-breakpoint
CREATE INDEX "installations_stage_idx" ON "installations" USING btree ("stage","id");--> statement-breakpoint
CREATE INDEX "installations_attempts_idx" ON "installations" USING btree ("attempt_count","id");