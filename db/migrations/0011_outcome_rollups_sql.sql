-- Outcomes counted in the Migration Week they happened in (db/schema/rollups.ts installation_outcome_rollups), kept
-- exact in the same transaction as every change (docs/decisions/0003-rollups.md). An outcome is an attempt's end
-- recorded in installation_events (migrated, failed, rolled-back); its week is the Monday-to-Sunday London week
-- containing it. Scope 0 counts each outcome once; each distinct Responsible Supplier the installation has gets its own.
CREATE FUNCTION migration_week_of(at timestamptz) RETURNS date
LANGUAGE sql STABLE AS $$ SELECT date_trunc('week', at AT TIME ZONE 'Europe/London')::date $$;
--> statement-breakpoint
CREATE FUNCTION installation_outcome_apply(e installation_events, i installations, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF e.status NOT IN ('migrated', 'failed', 'rolled-back') THEN RETURN; END IF;
  INSERT INTO installation_outcome_rollups AS r
    (supplier_id, outcome_week, outcome, stage, group_id, installation_type, code, count)
  SELECT scope, migration_week_of(e.occurred_at), e.status, e.stage, i.group_id, i.installation_type,
         coalesce(e.code, ''), delta
  FROM (SELECT 0 AS scope UNION SELECT i.electricity_supplier_id UNION SELECT i.gas_supplier_id) scopes
  WHERE scope IS NOT NULL
  ON CONFLICT (supplier_id, outcome_week, outcome, stage, group_id, installation_type, code)
  DO UPDATE SET count = r.count + EXCLUDED.count;
END $$;
--> statement-breakpoint
CREATE FUNCTION installation_events_outcome_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  i installations;
BEGIN
  -- An event deleted with its installation finds none: installations_outcome_rollup has already taken it out.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT * INTO i FROM installations WHERE id = OLD.installation_id;
    IF FOUND THEN PERFORM installation_outcome_apply(OLD, i, -1); END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    SELECT * INTO i FROM installations WHERE id = NEW.installation_id;
    IF FOUND THEN PERFORM installation_outcome_apply(NEW, i, 1); END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER installation_events_outcome_rollup AFTER INSERT OR UPDATE OR DELETE ON installation_events
FOR EACH ROW EXECUTE FUNCTION installation_events_outcome_trigger();
--> statement-breakpoint
-- The installation's own dimensions (scope, GroupID, type) move its outcomes; a deleted installation takes its
-- outcomes out before the cascade deletes its events (BEFORE, because the cascade runs first among AFTER triggers).
CREATE FUNCTION installations_outcome_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  e installation_events;
BEGIN
  IF TG_OP = 'UPDATE' AND
     (OLD.group_id, OLD.installation_type, OLD.electricity_supplier_id, OLD.gas_supplier_id)
     IS NOT DISTINCT FROM
     (NEW.group_id, NEW.installation_type, NEW.electricity_supplier_id, NEW.gas_supplier_id) THEN
    RETURN NEW;
  END IF;
  FOR e IN SELECT * FROM installation_events
           WHERE installation_id = OLD.id AND status IN ('migrated', 'failed', 'rolled-back') LOOP
    PERFORM installation_outcome_apply(e, OLD, -1);
    IF TG_OP = 'UPDATE' THEN PERFORM installation_outcome_apply(e, NEW, 1); END IF;
  END LOOP;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER installations_outcome_rollup BEFORE UPDATE OR DELETE ON installations
FOR EACH ROW EXECUTE FUNCTION installations_outcome_trigger();
--> statement-breakpoint
-- Bulk loads disable the events trigger and rebuild with one GROUP BY.
CREATE FUNCTION rebuild_installation_outcome_rollups() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM installation_outcome_rollups;
  INSERT INTO installation_outcome_rollups
    (supplier_id, outcome_week, outcome, stage, group_id, installation_type, code, count)
  WITH outcomes AS MATERIALIZED (
    SELECT i.electricity_supplier_id AS electricity, i.gas_supplier_id AS gas,
           migration_week_of(e.occurred_at) AS week, e.status, e.stage, i.group_id, i.installation_type,
           coalesce(e.code, '') AS code
    FROM installation_events e JOIN installations i ON i.id = e.installation_id
    WHERE e.status IN ('migrated', 'failed', 'rolled-back')
  ),
  scoped AS (
    SELECT 0 AS scope, week, status, stage, group_id, installation_type, code FROM outcomes
    UNION ALL
    SELECT electricity, week, status, stage, group_id, installation_type, code FROM outcomes
    WHERE electricity IS NOT NULL
    UNION ALL
    SELECT gas, week, status, stage, group_id, installation_type, code FROM outcomes
    WHERE gas IS NOT NULL AND gas IS DISTINCT FROM electricity
  )
  SELECT scope, week, status, stage, group_id, installation_type, code, count(*)
  FROM scoped GROUP BY scope, week, status, stage, group_id, installation_type, code;
$$;
--> statement-breakpoint
SELECT rebuild_installation_outcome_rollups();
