CREATE TABLE "triage_rollups" (
	"supplier_id" integer NOT NULL,
	"state" text NOT NULL,
	"installation_type" "installation_type" NOT NULL,
	"last_code" text NOT NULL,
	"last_failed_step" text NOT NULL,
	"attempt_count" smallint NOT NULL,
	"group_id" "group_id" NOT NULL,
	"smso_party_id" integer NOT NULL,
	"migration_week" date NOT NULL,
	"count" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "installations" ADD COLUMN "current_triage_decision" "triage_decision";--> statement-breakpoint
CREATE UNIQUE INDEX "triage_rollups_key" ON "triage_rollups" USING btree ("supplier_id","state","migration_week","installation_type","last_code","last_failed_step","attempt_count","group_id","smso_party_id");