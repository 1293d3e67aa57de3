-- Triage decisions and their submissions are append-only history (MEHRS 4): a decision is superseded by a later
-- row, never edited. refuse_change() comes from 0001_triggers.sql; defined again here (same body) so this
-- migration stands alone whatever order the migrations are merged in.
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER triage_decisions_append_only BEFORE UPDATE ON triage_decisions
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER triage_batches_append_only BEFORE UPDATE ON triage_batches
FOR EACH ROW EXECUTE FUNCTION refuse_change();
