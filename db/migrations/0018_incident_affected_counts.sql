CREATE TABLE "incident_affected_counts" (
	"incident_id" integer NOT NULL,
	"supplier_id" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "incident_affected_counts_incident_id_supplier_id_pk" PRIMARY KEY("incident_id","supplier_id")
);
--> statement-breakpoint
ALTER TABLE "incident_affected_counts" ADD CONSTRAINT "incident_affected_counts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;