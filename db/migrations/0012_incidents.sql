CREATE TYPE "public"."incident_action" AS ENUM('raised', 'status', 'assigned', 'category', 'note');--> statement-breakpoint
CREATE TYPE "public"."incident_kind" AS ENUM('incident', 'communication', 'service-request');--> statement-breakpoint
CREATE TYPE "public"."note_visibility" AS ENUM('internal', 'supplier');--> statement-breakpoint
ALTER TYPE "public"."incident_status" ADD VALUE 'assigned';--> statement-breakpoint
ALTER TABLE "incident_events" ADD COLUMN "action" "incident_action" DEFAULT 'status' NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_events" ADD COLUMN "version" integer;--> statement-breakpoint
ALTER TABLE "incident_events" ADD COLUMN "request_key" varchar(64);--> statement-breakpoint
ALTER TABLE "incident_notes" ADD COLUMN "visibility" "note_visibility" DEFAULT 'internal' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "kind" "incident_kind" DEFAULT 'incident' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "assignee_user_id" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "hold_reason" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_events_request_key" ON "incident_events" USING btree ("request_key");--> statement-breakpoint
CREATE INDEX "incidents_kind_status_idx" ON "incidents" USING btree ("kind","status");