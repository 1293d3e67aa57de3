CREATE TABLE "authorisation_rollups" (
	"authorising_party_id" integer NOT NULL,
	"migration_week" date NOT NULL,
	"validation_status" "ma_validation_status" NOT NULL,
	"code" text NOT NULL,
	"count" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "migration_capacity" (
	"migration_week" date PRIMARY KEY NOT NULL,
	"capacity" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "authorisation_rollups_key" ON "authorisation_rollups" USING btree ("authorising_party_id","migration_week","validation_status","code");--> statement-breakpoint
CREATE INDEX "triage_decisions_rescheduled_week_idx" ON "triage_decisions" USING btree ("rescheduled_week") WHERE "triage_decisions"."decision" = 'reschedule';--> statement-breakpoint
ALTER TABLE "weekly_demand" DROP COLUMN "authorisations_received";--> statement-breakpoint
ALTER TABLE "weekly_demand" DROP COLUMN "authorisations_valid";