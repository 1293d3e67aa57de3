CREATE INDEX "installations_status_changed_idx" ON "installations" USING btree ("status","last_changed_at","id");--> statement-breakpoint
CREATE INDEX "installations_status_week_idx" ON "installations" USING btree ("status",coalesce("migration_week", '1970-01-01'::date),"id");--> statement-breakpoint
CREATE INDEX "installations_stage_changed_idx" ON "installations" USING btree ("stage","last_changed_at","id");--> statement-breakpoint
CREATE INDEX "installations_stage_week_idx" ON "installations" USING btree ("stage",coalesce("migration_week", '1970-01-01'::date),"id");--> statement-breakpoint
CREATE INDEX "installations_code_changed_idx" ON "installations" USING btree ("last_code","last_changed_at","id") WHERE "installations"."last_code" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "installations_code_week_idx" ON "installations" USING btree ("last_code",coalesce("migration_week", '1970-01-01'::date),"id") WHERE "installations"."last_code" IS NOT NULL;