-- A bulk writer that keeps the rollups itself, set-based, in the same statement as its change (the file imports,
-- lib/imports/store.ts) sets mcc.rollups_by_statement for its transaction; the per-row trigger then stands aside,
-- so a 1,000,000-row import does not run 1,000,000 row-level upserts. Every other writer is unchanged.
CREATE OR REPLACE FUNCTION installations_rollup_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('mcc.rollups_by_statement', true) = 'on' THEN
    RETURN NULL;
  END IF;
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
