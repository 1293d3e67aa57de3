-- Reports and exports (docs/reports.md): each report reads one time range in keyset order, so each has an index
-- on (time, id) holding only its own rows. The predicates are written as literals in lib/data/reports.ts too, so
-- the planner can prove a query matches its partial index even with a generic plan.
CREATE INDEX IF NOT EXISTS "installation_events_failures_at_idx" ON "installation_events" ("occurred_at", "id")
  WHERE "status" IN ('failed', 'rolled-back') AND "stage" <> 'authorisation';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "installation_events_migrated_at_idx" ON "installation_events" ("occurred_at", "id")
  WHERE "status" = 'migrated';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "migration_authorisations_completed_at_idx" ON "migration_authorisations" ("completed_at", "id")
  WHERE "completion_status" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "migration_authorisations_received_at_idx" ON "migration_authorisations" ("received_at", "id");--> statement-breakpoint
-- Report 8 counts four weeks of MAs for every party: an index-only scan by week.
CREATE INDEX IF NOT EXISTS "migration_authorisations_week_party_idx" ON "migration_authorisations" ("migration_week", "authorising_party_id", "validation_status");
