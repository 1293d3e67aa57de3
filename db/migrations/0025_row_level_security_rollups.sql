-- The incident and triage rollups (incident_affected_counts, triage_rollups) are keyed by scope like
-- installation_rollups: a supplier reads its own scope's rows only (decision 0014, row-level security).
ALTER TABLE incident_affected_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON incident_affected_counts FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR supplier_id = (SELECT mcc_viewer_party())
);
--> statement-breakpoint
ALTER TABLE triage_rollups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON triage_rollups FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR supplier_id = (SELECT mcc_viewer_party())
);
