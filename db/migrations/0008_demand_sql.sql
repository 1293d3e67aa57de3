-- Migration Authorisations counted per (Authorising Party, Migration Week, validation status, code), kept exact in
-- the same transaction as every change to an MA (docs/decisions/0008-demand-one-truth.md). Code '' counts each MA
-- once; each distinct code in validation_codes counts the MA once more under that code (MEHRS 2.3.2).
-- Must match AUTHORISATION_ROLLUP_ALL_CODES in db/schema/demand.ts.
CREATE FUNCTION authorisation_rollup_apply(r migration_authorisations, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO authorisation_rollups AS ar (authorising_party_id, migration_week, validation_status, code, count)
  SELECT r.authorising_party_id, r.migration_week, r.validation_status, codes.code, delta
  FROM (SELECT ''::text AS code UNION SELECT unnest(r.validation_codes)) codes
  ON CONFLICT (authorising_party_id, migration_week, validation_status, code)
  DO UPDATE SET count = ar.count + EXCLUDED.count;
END $$;
--> statement-breakpoint
CREATE FUNCTION authorisations_rollup_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND
     (OLD.authorising_party_id, OLD.migration_week, OLD.validation_status, OLD.validation_codes)
     IS NOT DISTINCT FROM
     (NEW.authorising_party_id, NEW.migration_week, NEW.validation_status, NEW.validation_codes) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM authorisation_rollup_apply(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM authorisation_rollup_apply(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER authorisations_rollup AFTER INSERT OR UPDATE OR DELETE ON migration_authorisations
FOR EACH ROW EXECUTE FUNCTION authorisations_rollup_trigger();
--> statement-breakpoint
-- Bulk loads disable the trigger and rebuild with one GROUP BY instead of a row-level upsert per MA.
CREATE FUNCTION rebuild_authorisation_rollups() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM authorisation_rollups;
  INSERT INTO authorisation_rollups (authorising_party_id, migration_week, validation_status, code, count)
  SELECT authorising_party_id, migration_week, validation_status, code, count(*)
  FROM (
    SELECT authorising_party_id, migration_week, validation_status, ''::text AS code
    FROM migration_authorisations
    UNION ALL
    SELECT authorising_party_id, migration_week, validation_status, code
    FROM (
      SELECT DISTINCT ma.id, ma.authorising_party_id, ma.migration_week, ma.validation_status, c.code
      FROM migration_authorisations ma CROSS JOIN LATERAL unnest(ma.validation_codes) AS c (code)
    ) per_code
  ) counted
  GROUP BY authorising_party_id, migration_week, validation_status, code;
$$;
--> statement-breakpoint
SELECT rebuild_authorisation_rollups();
