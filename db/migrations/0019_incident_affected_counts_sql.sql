-- incident_affected_counts (db/schema/incidents.ts): each incident's affected installations per scope, 0 being
-- the whole migration and otherwise each supplier of the installation (a split supply counts for both), kept by
-- the triggers below so the incident queue never counts links per request (docs/performance.md).
CREATE FUNCTION incident_affected_apply(incident integer, electricity integer, gas integer, delta integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF delta > 0 THEN
    INSERT INTO incident_affected_counts AS c (incident_id, supplier_id, count)
    SELECT incident, scope, delta
    FROM (SELECT 0 UNION SELECT electricity UNION SELECT gas) s (scope) WHERE scope IS NOT NULL
    ON CONFLICT (incident_id, supplier_id) DO UPDATE SET count = c.count + EXCLUDED.count;
  ELSE
    -- An update, not an upsert: when the incident itself is being deleted its counts are already gone.
    UPDATE incident_affected_counts SET count = count + delta
    WHERE incident_id = incident AND supplier_id IN (0, electricity, gas);
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION incident_installations_count_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  link incident_installations;
  i installations;
BEGIN
  IF TG_OP = 'INSERT' THEN link := NEW; ELSE link := OLD; END IF;
  SELECT * INTO i FROM installations WHERE id = link.installation_id;
  IF FOUND THEN
    PERFORM incident_affected_apply(link.incident_id, i.electricity_supplier_id, i.gas_supplier_id,
      CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER incident_installations_count AFTER INSERT OR DELETE ON incident_installations
FOR EACH ROW EXECUTE FUNCTION incident_installations_count_trigger();
--> statement-breakpoint
-- A change of supplier moves the installation's count between scopes in every incident it is linked to.
CREATE FUNCTION installations_incident_scope_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  incident integer;
BEGIN
  FOR incident IN SELECT incident_id FROM incident_installations WHERE installation_id = NEW.id LOOP
    PERFORM incident_affected_apply(incident, OLD.electricity_supplier_id, OLD.gas_supplier_id, -1);
    PERFORM incident_affected_apply(incident, NEW.electricity_supplier_id, NEW.gas_supplier_id, 1);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER installations_incident_scope AFTER UPDATE OF electricity_supplier_id, gas_supplier_id
ON installations FOR EACH ROW
WHEN (OLD.electricity_supplier_id IS DISTINCT FROM NEW.electricity_supplier_id
      OR OLD.gas_supplier_id IS DISTINCT FROM NEW.gas_supplier_id)
EXECUTE FUNCTION installations_incident_scope_trigger();
--> statement-breakpoint
-- Deleting an installation removes its links first, while the installation (and so its suppliers) still exists;
-- the cascade that follows then finds nothing left to delete.
CREATE FUNCTION installations_unlink_incidents_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM incident_installations WHERE installation_id = OLD.id;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER installations_unlink_incidents BEFORE DELETE ON installations
FOR EACH ROW EXECUTE FUNCTION installations_unlink_incidents_trigger();
--> statement-breakpoint
INSERT INTO incident_affected_counts (incident_id, supplier_id, count)
SELECT ii.incident_id, s.scope, count(*)
FROM incident_installations ii
JOIN installations i ON i.id = ii.installation_id
CROSS JOIN LATERAL (SELECT 0 UNION SELECT i.electricity_supplier_id UNION SELECT i.gas_supplier_id) s (scope)
WHERE s.scope IS NOT NULL
GROUP BY ii.incident_id, s.scope;
