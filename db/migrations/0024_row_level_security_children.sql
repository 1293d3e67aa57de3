-- Row-level security on the tables whose rows belong to a supplier-scoped parent (decision 0014): a row is
-- visible when its parent is, and the parent's own policy decides that (a subquery on a row-secured table is
-- filtered too). For the MCC the first operand short-circuits, so the subquery never runs.
ALTER TABLE installation_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON installation_events FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR EXISTS (SELECT 1 FROM installations p WHERE p.id = installation_events.installation_id)
);
--> statement-breakpoint
ALTER TABLE triage_decisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON triage_decisions FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR EXISTS (SELECT 1 FROM installations p WHERE p.id = triage_decisions.installation_id)
);
--> statement-breakpoint
ALTER TABLE split_supply_designations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON split_supply_designations FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR EXISTS (SELECT 1 FROM installations p WHERE p.id = split_supply_designations.installation_id)
);
--> statement-breakpoint
ALTER TABLE commissioning_outcome_receipts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON commissioning_outcome_receipts FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR EXISTS (SELECT 1 FROM installations p WHERE p.id = commissioning_outcome_receipts.installation_id)
);
--> statement-breakpoint
ALTER TABLE incident_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON incident_events FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR EXISTS (SELECT 1 FROM incidents p WHERE p.id = incident_events.incident_id)
);
--> statement-breakpoint
ALTER TABLE incident_notes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON incident_notes FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR EXISTS (SELECT 1 FROM incidents p WHERE p.id = incident_notes.incident_id)
);
--> statement-breakpoint
ALTER TABLE incident_installations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON incident_installations FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR EXISTS (SELECT 1 FROM incidents p WHERE p.id = incident_installations.incident_id)
);
--> statement-breakpoint
ALTER TABLE file_import_contents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON file_import_contents FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all()) OR EXISTS (SELECT 1 FROM file_imports p WHERE p.id = file_import_contents.file_import_id)
);
--> statement-breakpoint
ALTER TABLE split_supply_publication_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY viewer_scope ON split_supply_publication_items FOR SELECT TO mcc_app USING (
  (SELECT mcc_viewer_sees_all())
  OR EXISTS (SELECT 1 FROM split_supply_designations p WHERE p.id = split_supply_publication_items.designation_id)
);
