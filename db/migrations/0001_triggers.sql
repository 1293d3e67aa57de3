-- Rollups kept exact in the same transaction as every change to an installation (docs/decisions/0003-rollups.md).
-- Scope 0 counts each installation once; each distinct Responsible Supplier gets its own count.
CREATE FUNCTION installation_rollup_apply(r installations, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO installation_rollups AS ir
    (supplier_id, stage, status, group_id, installation_type, migration_week, last_code, count)
  SELECT scope, r.stage, r.status, r.group_id, r.installation_type,
         coalesce(r.migration_week, DATE '1970-01-01'), coalesce(r.last_code, ''), delta
  FROM (SELECT 0 AS scope UNION SELECT r.electricity_supplier_id UNION SELECT r.gas_supplier_id) scopes
  WHERE scope IS NOT NULL
  ON CONFLICT (supplier_id, stage, status, group_id, installation_type, migration_week, last_code)
  DO UPDATE SET count = ir.count + EXCLUDED.count;
END $$;
--> statement-breakpoint
CREATE FUNCTION installations_rollup_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND
     (OLD.stage, OLD.status, OLD.group_id, OLD.installation_type, OLD.migration_week, OLD.last_code,
      OLD.electricity_supplier_id, OLD.gas_supplier_id)
     IS NOT DISTINCT FROM
     (NEW.stage, NEW.status, NEW.group_id, NEW.installation_type, NEW.migration_week, NEW.last_code,
      NEW.electricity_supplier_id, NEW.gas_supplier_id) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM installation_rollup_apply(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM installation_rollup_apply(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER installations_rollup AFTER INSERT OR UPDATE OR DELETE ON installations
FOR EACH ROW EXECUTE FUNCTION installations_rollup_trigger();
--> statement-breakpoint
-- Bulk loads disable the trigger and rebuild with one GROUP BY instead of 10M row-level upserts.
CREATE FUNCTION rebuild_installation_rollups() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM installation_rollups;
  INSERT INTO installation_rollups
    (supplier_id, stage, status, group_id, installation_type, migration_week, last_code, count)
  SELECT scope, stage, status, group_id, installation_type, week, code, count(*)
  FROM (
    SELECT 0 AS scope, stage, status, group_id, installation_type,
           coalesce(migration_week, DATE '1970-01-01') AS week, coalesce(last_code, '') AS code
    FROM installations
    UNION ALL
    SELECT electricity_supplier_id, stage, status, group_id, installation_type,
           coalesce(migration_week, DATE '1970-01-01'), coalesce(last_code, '')
    FROM installations WHERE electricity_supplier_id IS NOT NULL
    UNION ALL
    SELECT gas_supplier_id, stage, status, group_id, installation_type,
           coalesce(migration_week, DATE '1970-01-01'), coalesce(last_code, '')
    FROM installations
    WHERE gas_supplier_id IS NOT NULL AND gas_supplier_id IS DISTINCT FROM electricity_supplier_id
  ) scoped
  GROUP BY scope, stage, status, group_id, installation_type, week, code;
$$;
--> statement-breakpoint
CREATE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER installation_events_append_only BEFORE UPDATE ON installation_events
FOR EACH ROW EXECUTE FUNCTION refuse_change();
