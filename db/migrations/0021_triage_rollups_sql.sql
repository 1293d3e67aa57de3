-- The dormant triage queue's state as a column, and its counts as a rollup (db/schema/rollups.ts triage_rollups),
-- so the queue's counts by advice, the overview's backlog and the planned volume's "rescheduled by triage" read a
-- few hundred rows however many installations there are (docs/performance.md).

-- The current decision of an installation: the latest of its current attempt's chain, as lib/data/triage-sql.ts
-- reads it (a decision on the current attempt, or a seed row without an attempt made since the last change; a
-- reschedule without a week holds nothing; a superseded decision is not current).
CREATE FUNCTION current_triage_decision_of(i installations) RETURNS triage_decision
LANGUAGE sql STABLE AS $$
  SELECT d.decision FROM triage_decisions d
  WHERE d.installation_id = i.id
    AND (d.attempt = i.attempt_count OR (d.attempt IS NULL AND d.decided_at >= i.last_changed_at))
    AND NOT (d.decision = 'reschedule' AND d.rescheduled_week IS NULL)
    AND NOT EXISTS (SELECT 1 FROM triage_decisions s WHERE s.supersedes_id = d.id)
  ORDER BY d.id DESC LIMIT 1
$$;
--> statement-breakpoint
-- A new attempt or a later change can only end a current decision, never start one (decisions are made on the
-- current attempt), so only rows that have one are re-derived: an import touching a million rows pays nothing.
CREATE FUNCTION installations_triage_state_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.current_triage_decision := current_triage_decision_of(NEW);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER installations_triage_state BEFORE UPDATE OF attempt_count, last_changed_at ON installations
FOR EACH ROW WHEN (OLD.current_triage_decision IS NOT NULL
  AND (OLD.attempt_count IS DISTINCT FROM NEW.attempt_count OR OLD.last_changed_at IS DISTINCT FROM NEW.last_changed_at))
EXECUTE FUNCTION installations_triage_state_trigger();
--> statement-breakpoint
CREATE FUNCTION triage_decisions_state_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE installations i SET current_triage_decision = current_triage_decision_of(i)
  WHERE i.id = NEW.installation_id AND i.current_triage_decision IS DISTINCT FROM current_triage_decision_of(i);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER triage_decisions_state AFTER INSERT ON triage_decisions
FOR EACH ROW EXECUTE FUNCTION triage_decisions_state_trigger();
--> statement-breakpoint
-- Which installations the rollup counts: failed with a Dormant Meter (the queue, MEHRS 4), or currently
-- rescheduled by triage (the planned volume). The triggers below repeat this test in their WHEN clauses.
CREATE FUNCTION triage_rollup_apply(r installations, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO triage_rollups AS t
    (supplier_id, state, installation_type, last_code, last_failed_step, attempt_count, group_id, smso_party_id,
     migration_week, count)
  SELECT scope, coalesce(r.current_triage_decision::text, ''), r.installation_type, coalesce(r.last_code, ''),
    coalesce(r.last_failed_step, ''), r.attempt_count, r.group_id, r.smso_party_id,
    CASE WHEN r.current_triage_decision = 'reschedule' THEN coalesce(r.migration_week, DATE '1970-01-01')
         ELSE DATE '1970-01-01' END,
    delta
  FROM (SELECT 0 AS scope UNION SELECT r.electricity_supplier_id UNION SELECT r.gas_supplier_id) scopes
  WHERE scope IS NOT NULL
  ON CONFLICT (supplier_id, state, migration_week, installation_type, last_code, last_failed_step, attempt_count,
    group_id, smso_party_id)
  DO UPDATE SET count = t.count + EXCLUDED.count;
END $$;
--> statement-breakpoint
CREATE FUNCTION triage_rollup_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND ((OLD.status IN ('failed', 'rolled-back') AND OLD.installation_type <> 'active-only')
      OR OLD.current_triage_decision = 'reschedule') THEN
    PERFORM triage_rollup_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND ((NEW.status IN ('failed', 'rolled-back') AND NEW.installation_type <> 'active-only')
      OR NEW.current_triage_decision = 'reschedule') THEN
    PERFORM triage_rollup_apply(NEW, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- WHEN clauses keep the per-row cost off every installation the queue does not count (most of them).
CREATE TRIGGER triage_rollup_insert AFTER INSERT ON installations FOR EACH ROW
WHEN ((NEW.status IN ('failed', 'rolled-back') AND NEW.installation_type <> 'active-only')
  OR NEW.current_triage_decision = 'reschedule')
EXECUTE FUNCTION triage_rollup_trigger();
--> statement-breakpoint
CREATE TRIGGER triage_rollup_update AFTER UPDATE ON installations FOR EACH ROW
WHEN (((OLD.status IN ('failed', 'rolled-back') AND OLD.installation_type <> 'active-only')
    OR OLD.current_triage_decision = 'reschedule'
    OR (NEW.status IN ('failed', 'rolled-back') AND NEW.installation_type <> 'active-only')
    OR NEW.current_triage_decision = 'reschedule')
  AND (OLD.status, OLD.installation_type, OLD.current_triage_decision, OLD.last_code, OLD.last_failed_step,
       OLD.attempt_count, OLD.group_id, OLD.smso_party_id, OLD.migration_week, OLD.electricity_supplier_id,
       OLD.gas_supplier_id)
    IS DISTINCT FROM
      (NEW.status, NEW.installation_type, NEW.current_triage_decision, NEW.last_code, NEW.last_failed_step,
       NEW.attempt_count, NEW.group_id, NEW.smso_party_id, NEW.migration_week, NEW.electricity_supplier_id,
       NEW.gas_supplier_id))
EXECUTE FUNCTION triage_rollup_trigger();
--> statement-breakpoint
CREATE TRIGGER triage_rollup_delete AFTER DELETE ON installations FOR EACH ROW
WHEN ((OLD.status IN ('failed', 'rolled-back') AND OLD.installation_type <> 'active-only')
  OR OLD.current_triage_decision = 'reschedule')
EXECUTE FUNCTION triage_rollup_trigger();
--> statement-breakpoint
-- Derives the state of every installation with a decision, then recounts from scratch (also the seed's last step).
CREATE FUNCTION rebuild_triage_rollups() RETURNS void
LANGUAGE sql AS $$
  UPDATE installations i SET current_triage_decision = current_triage_decision_of(i)
  WHERE i.id IN (SELECT installation_id FROM triage_decisions)
    AND i.current_triage_decision IS DISTINCT FROM current_triage_decision_of(i);
  DELETE FROM triage_rollups;
  INSERT INTO triage_rollups
    (supplier_id, state, installation_type, last_code, last_failed_step, attempt_count, group_id, smso_party_id,
     migration_week, count)
  SELECT s.scope, coalesce(i.current_triage_decision::text, ''), i.installation_type, coalesce(i.last_code, ''),
    coalesce(i.last_failed_step, ''), i.attempt_count, i.group_id, i.smso_party_id,
    CASE WHEN i.current_triage_decision = 'reschedule' THEN coalesce(i.migration_week, DATE '1970-01-01')
         ELSE DATE '1970-01-01' END,
    count(*)
  FROM installations i
  CROSS JOIN LATERAL (SELECT 0 UNION SELECT i.electricity_supplier_id UNION SELECT i.gas_supplier_id) s (scope)
  WHERE s.scope IS NOT NULL
    AND ((i.status IN ('failed', 'rolled-back') AND i.installation_type <> 'active-only')
      OR i.current_triage_decision = 'reschedule')
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
$$;
--> statement-breakpoint
SELECT rebuild_triage_rollups();
