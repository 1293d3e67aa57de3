import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import {
  incidentEvents,
  incidentInstallations,
  incidentInterestedParties,
  incidentNotes,
  incidents,
  installations,
  parties,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { IncidentStatus } from '@/lib/rules/types';
import { incidentsVisibleTo, installationsVisibleTo, interestedPartiesFor } from './scope';

export interface IncidentDetail {
  id: number;
  reference: string;
  scenario: string;
  title: string;
  description: string;
  raisedBy: string;
  owner: string;
  groupId: string | null;
  category: number;
  status: IncidentStatus;
  raisedAt: string;
  resolvedAt: string | null;
  history: { at: string; status: IncidentStatus; category: number; note: string | null }[];
  notes: { at: string; body: string }[];
  interestedParties: string[];
  /** Only the affected installations the viewer may see. */
  installations: { id: number; mpan: string | null; mprn: string | null }[];
}

/** One incident, or null when it does not exist or the viewer may not see it (the same 404 for both). */
export async function getIncident(viewer: Viewer, id: number): Promise<IncidentDetail | null> {
  const db = await getDb();
  const raisedBy = alias(parties, 'raised_by');
  const owner = alias(parties, 'owner');
  const [row] = await db
    .select({ incident: incidents, raisedBy: raisedBy.name, owner: owner.name })
    .from(incidents)
    .innerJoin(raisedBy, eq(raisedBy.id, incidents.raisedByPartyId))
    .innerJoin(owner, eq(owner.id, incidents.ownerPartyId))
    .where(and(eq(incidents.id, id), incidentsVisibleTo(viewer)));
  if (!row) return null;

  const [history, notes, interested, affected] = await Promise.all([
    db
      .select()
      .from(incidentEvents)
      .where(eq(incidentEvents.incidentId, id))
      .orderBy(asc(incidentEvents.at), asc(incidentEvents.id)),
    db.select().from(incidentNotes).where(eq(incidentNotes.incidentId, id)).orderBy(asc(incidentNotes.at)),
    db
      .select({ name: parties.name })
      .from(incidentInterestedParties)
      .innerJoin(parties, eq(parties.id, incidentInterestedParties.partyId))
      .where(eq(incidentInterestedParties.incidentId, id))
      .orderBy(asc(parties.name)),
    db
      .select({ id: installations.id, mpan: installations.mpan, mprn: installations.mprn })
      .from(incidentInstallations)
      .innerJoin(installations, eq(installations.id, incidentInstallations.installationId))
      .where(and(eq(incidentInstallations.incidentId, id), installationsVisibleTo(viewer)))
      .orderBy(asc(installations.id)),
  ]);
  const i = row.incident;
  return {
    id: i.id,
    reference: i.reference,
    scenario: i.scenario,
    title: i.title,
    description: i.description,
    raisedBy: row.raisedBy,
    owner: row.owner,
    groupId: i.groupId,
    category: i.category,
    status: i.status,
    raisedAt: i.raisedAt.toISOString(),
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
    history: history.map((h) => ({
      at: h.at.toISOString(),
      status: h.status,
      category: h.category,
      note: h.note,
    })),
    notes: notes.map((n) => ({ at: n.at.toISOString(), body: n.body })),
    interestedParties: interestedPartiesFor(
      viewer,
      interested.map((p) => p.name),
    ),
    installations: affected,
  };
}
