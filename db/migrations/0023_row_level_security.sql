-- Row-level security, the second wall (docs/decisions/0014-row-level-security.md).
-- Every data-layer read runs as mcc_app (neither owner nor superuser, so policies apply) with the viewer's scope
-- in the transaction-local setting mcc.viewer_party: 'all' for the MCC, a party id for a supplier. A missing or
-- malformed setting matches no supplier row: the wall fails closed.

-- Roles are cluster-wide and several databases may migrate at once: tolerate the role appearing concurrently.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mcc_app') THEN
    CREATE ROLE mcc_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- A non-superuser owner must be a member to SET ROLE mcc_app; a superuser always may.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT mcc_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
-- The viewer scope only reads: a write attempted inside it fails on a missing privilege instead of running as
-- the viewer. Tables added later are readable too (their policies are the meta-test's business); the sign-in
-- secrets never are.
GRANT USAGE ON SCHEMA public TO mcc_app;
--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA public TO mcc_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO mcc_app;
--> statement-breakpoint
REVOKE ALL ON accounts, sessions, verifications FROM mcc_app;
--> statement-breakpoint
CREATE FUNCTION mcc_viewer_sees_all() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(current_setting('mcc.viewer_party', true), '') = 'all'
$$;
--> statement-breakpoint
-- Null (matches nothing) unless the setting is a party id.
CREATE FUNCTION mcc_viewer_party() RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s ~ '^[1-9][0-9]{0,8}$' THEN s::integer END
  FROM coalesce(current_setting('mcc.viewer_party', true), '') AS s
$$;
--> statement-breakpoint
-- Policies call the functions through scalar subqueries: evaluated once per query (an InitPlan), not per row.
ALTER TABLE installations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON installations FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all())
  OR electricity_supplier_id = (SELECT mcc_viewer_party())
  OR gas_supplier_id = (SELECT mcc_viewer_party())
);
--> statement-breakpoint
ALTER TABLE installation_rollups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON installation_rollups FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR supplier_id = (SELECT mcc_viewer_party())
);
--> statement-breakpoint
ALTER TABLE installation_outcome_rollups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON installation_outcome_rollups FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR supplier_id = (SELECT mcc_viewer_party())
);
--> statement-breakpoint
ALTER TABLE authorisation_rollups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON authorisation_rollups FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR authorising_party_id = (SELECT mcc_viewer_party())
);
--> statement-breakpoint
ALTER TABLE weekly_demand ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON weekly_demand FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR supplier_id = (SELECT mcc_viewer_party())
);
--> statement-breakpoint
-- A supplier reads its own MAs, and the others' on its installations (the installation page shows them masked);
-- the subquery is itself filtered by the installations policy.
ALTER TABLE migration_authorisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON migration_authorisations FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all())
  OR authorising_party_id = (SELECT mcc_viewer_party())
  OR EXISTS (SELECT 1 FROM installations i WHERE i.id = migration_authorisations.installation_id)
);
--> statement-breakpoint
ALTER TABLE file_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON file_imports FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR uploaded_by_party_id = (SELECT mcc_viewer_party())
);
--> statement-breakpoint
ALTER TABLE incident_interested_parties ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON incident_interested_parties FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR party_id = (SELECT mcc_viewer_party())
);
--> statement-breakpoint
-- A supplier sees an incident when it is one of its Interested Parties, whoever raised or owns it.
ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON incidents FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all())
  OR EXISTS (SELECT 1 FROM incident_interested_parties ip WHERE ip.incident_id = incidents.id)
);
--> statement-breakpoint
-- A supplier user reads its own organisation's people only.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON users FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR party_id = (SELECT mcc_viewer_party())
);
