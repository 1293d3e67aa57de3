CREATE TABLE "installation_outcome_rollups" (
	"supplier_id" integer NOT NULL,
	"outcome_week" date NOT NULL,
	"outcome" "installation_status" NOT NULL,
	"stage" "stage" NOT NULL,
	"group_id" "group_id" NOT NULL,
	"installation_type" "installation_type" NOT NULL,
	"code" text NOT NULL,
	"count" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "installation_outcome_rollups_key" ON "installation_outcome_rollups" USING btree ("supplier_id","outcome_week","outcome","stage","group_id","installation_type","code");--> statement-breakpoint
CREATE INDEX "installation_events_outcome_idx" ON "installation_events" USING btree ("occurred_at","installation_id") WHERE "installation_events"."status" <> 'in-progress';