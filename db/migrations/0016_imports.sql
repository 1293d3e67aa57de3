CREATE TABLE "commissioning_outcome_receipts" (
	"installation_id" bigint NOT NULL,
	"attempt" smallint NOT NULL,
	"party_signifier" text NOT NULL,
	"file_import_id" integer NOT NULL,
	CONSTRAINT "commissioning_outcome_receipts_installation_id_attempt_party_signifier_pk" PRIMARY KEY("installation_id","attempt","party_signifier")
);
--> statement-breakpoint
CREATE TABLE "file_import_contents" (
	"file_import_id" integer PRIMARY KEY NOT NULL,
	"gzip" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "file_imports" ADD COLUMN "uploaded_by_party_id" integer;--> statement-breakpoint
ALTER TABLE "file_imports" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "file_imports" ADD COLUMN "byte_size" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "file_imports" ADD COLUMN "rows_skipped" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "file_imports" ADD COLUMN "problem_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "file_imports" ADD COLUMN "notices" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "file_imports" ADD COLUMN "party_signifier" text;--> statement-breakpoint
ALTER TABLE "file_imports" ADD COLUMN "file_counter" integer;--> statement-breakpoint
ALTER TABLE "commissioning_outcome_receipts" ADD CONSTRAINT "commissioning_outcome_receipts_installation_id_installations_id_fk" FOREIGN KEY ("installation_id") REFERENCES "public"."installations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioning_outcome_receipts" ADD CONSTRAINT "commissioning_outcome_receipts_file_import_id_file_imports_id_fk" FOREIGN KEY ("file_import_id") REFERENCES "public"."file_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_import_contents" ADD CONSTRAINT "file_import_contents_file_import_id_file_imports_id_fk" FOREIGN KEY ("file_import_id") REFERENCES "public"."file_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_imports" ADD CONSTRAINT "file_imports_uploaded_by_party_id_parties_id_fk" FOREIGN KEY ("uploaded_by_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "file_imports_sha256_key" ON "file_imports" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "file_imports_uploaded_at_idx" ON "file_imports" USING btree ("uploaded_at","id");--> statement-breakpoint
CREATE INDEX "file_imports_party_idx" ON "file_imports" USING btree ("uploaded_by_party_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "file_imports_counter_idx" ON "file_imports" USING btree ("party_signifier","file_counter");