ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "client_address" text;--> statement-breakpoint
-- A user's sessions end the moment its access changes (disabled, role, supplier), whatever code path changed it;
-- deleting a user already deletes its sessions (sessions.user_id ON DELETE CASCADE). docs/decisions: sessions.
CREATE FUNCTION users_end_sessions_on_access_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL)
     OR NEW.role IS DISTINCT FROM OLD.role
     OR NEW.party_id IS DISTINCT FROM OLD.party_id THEN
    DELETE FROM sessions WHERE user_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_end_sessions_on_access_change
  AFTER UPDATE OF disabled_at, role, party_id ON users
  FOR EACH ROW EXECUTE FUNCTION users_end_sessions_on_access_change();
