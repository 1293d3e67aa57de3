CREATE TABLE "triage_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by_user_id" text,
	"decision" "triage_decision" NOT NULL,
	"requested" integer NOT NULL,
	"outcome" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "attempt" smallint;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "failure_code" varchar(16);--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "failed_step" varchar(24);--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "advice" "triage_decision";--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "overrule_reason" text;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "supersedes_id" integer;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "awaited_smso_action" text;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "contacted_party" text;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "contacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "supplier_answer" text;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD COLUMN "supplier_visible" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "triage_batches" ADD CONSTRAINT "triage_batches_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD CONSTRAINT "triage_decisions_supersedes_id_triage_decisions_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."triage_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_decisions" ADD CONSTRAINT "triage_decisions_batch_id_triage_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."triage_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "installations_triage_queue_idx" ON "installations" USING btree ("last_changed_at","id") WHERE status IN ('failed', 'rolled-back') AND installation_type <> 'active-only';--> statement-breakpoint
CREATE UNIQUE INDEX "triage_decisions_supersedes_key" ON "triage_decisions" USING btree ("supersedes_id");--> statement-breakpoint
CREATE UNIQUE INDEX "triage_decisions_first_key" ON "triage_decisions" USING btree ("installation_id","attempt") WHERE supersedes_id IS NULL AND attempt IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "triage_decisions_batch_key" ON "triage_decisions" USING btree ("batch_id","installation_id");