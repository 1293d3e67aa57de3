-- The incident history is append-only: nothing may rewrite or remove what was recorded. The one update allowed is
-- the foreign key's ON DELETE SET NULL when a user account is deleted (the change itself stays).
CREATE FUNCTION incident_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.by_user_id IS NULL AND
     (to_jsonb(NEW) - 'by_user_id') = (to_jsonb(OLD) - 'by_user_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'incident_events is append-only (% refused)', TG_OP USING ERRCODE = 'check_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER incident_events_append_only BEFORE UPDATE OR DELETE ON incident_events
FOR EACH ROW EXECUTE FUNCTION incident_events_append_only();
