-- Each installation also counts in an "all weeks" row (migration_week = 9999-12-31), so an overview
-- without a week filter reads a few hundred rows per scope however many installations and weeks there
-- are (docs/decisions/0003-rollups.md). Must match ROLLUP_ALL_WEEKS in db/schema/rollups.ts.
CREATE OR REPLACE FUNCTION installation_rollup_apply(r installations, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO installation_rollups AS ir
    (supplier_id, stage, status, group_id, installation_type, migration_week, last_code, count)
  SELECT scope, r.stage, r.status, r.group_id, r.installation_type, week, coalesce(r.last_code, ''), delta
  FROM (SELECT 0 AS scope UNION SELECT r.electricity_supplier_id UNION SELECT r.gas_supplier_id) scopes
  CROSS JOIN (VALUES (coalesce(r.migration_week, DATE '1970-01-01')), (DATE '9999-12-31')) weeks (week)
  WHERE scope IS NOT NULL
  ON CONFLICT (supplier_id, stage, status, group_id, installation_type, migration_week, last_code)
  DO UPDATE SET count = ir.count + EXCLUDED.count;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_installation_rollups() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM installation_rollups;
  INSERT INTO installation_rollups
    (supplier_id, stage, status, group_id, installation_type, migration_week, last_code, count)
  WITH scoped AS MATERIALIZED (
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
  ),
  weekly AS (
    SELECT scope, stage, status, group_id, installation_type, week, code, count(*) AS n
    FROM scoped GROUP BY scope, stage, status, group_id, installation_type, week, code
  )
  SELECT scope, stage, status, group_id, installation_type, week, code, n FROM weekly
  UNION ALL
  SELECT scope, stage, status, group_id, installation_type, DATE '9999-12-31', code, sum(n)
  FROM weekly GROUP BY scope, stage, status, group_id, installation_type, code;
$$;
--> statement-breakpoint
SELECT rebuild_installation_rollups();
