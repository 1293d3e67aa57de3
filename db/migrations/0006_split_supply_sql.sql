-- The split-supply calendar is append-only history (MAM, MEHRS v5.0 conclusions; db/schema/split-supply.ts):
-- a designation is superseded by a newer row, never changed or removed. refuse_change() is defined in 0001_triggers.
CREATE TRIGGER split_supply_designations_append_only BEFORE UPDATE OR DELETE ON split_supply_designations
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER split_supply_designations_no_truncate BEFORE TRUNCATE ON split_supply_designations
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER split_supply_publications_append_only BEFORE UPDATE OR DELETE ON split_supply_publications
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER split_supply_publications_no_truncate BEFORE TRUNCATE ON split_supply_publications
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER split_supply_publication_items_append_only BEFORE UPDATE OR DELETE ON split_supply_publication_items
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER split_supply_publication_items_no_truncate BEFORE TRUNCATE ON split_supply_publication_items
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
