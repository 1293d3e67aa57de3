import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, setDatabase } from '@/db/client';
import {
  incidentEvents,
  incidentInstallations,
  incidentInterestedParties,
  incidents,
  parties,
} from '@/db/schema';
import { getIncident } from '@/lib/data/incidents';
import { clockFor } from '@/lib/incident-clock';
import { describeEachEngine } from '../support/engines';
import {
  analyst,
  createInstallation,
  createSmso,
  createSupplier,
  supplierViewer,
} from '../support/factories';

describeEachEngine('Incidents data layer', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let a: number;
  let b: number;
  let c: number;
  let incidentId: number;
  let ofA: number;
  let ofB: number;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    const db = handle.db;
    a = (await createSupplier(db, 'Alpha')).id;
    b = (await createSupplier(db, 'Beta')).id;
    c = (await createSupplier(db, 'Gamma')).id;
    const smso = (await createSmso(db)).id;
    const [rp] = await db
      .insert(parties)
      .values({ slug: 'rp', name: 'Requesting Party', role: 'rp' })
      .returning();
    const [s1sp] = await db.insert(parties).values({ slug: 's1sp', name: 'S1SP', role: 's1sp' }).returning();
    if (!rp || !s1sp) throw new Error('parties missing');
    ofA = (await createInstallation(db, { smsoPartyId: smso, electricitySupplierId: a })).id;
    ofB = (await createInstallation(db, { smsoPartyId: smso, electricitySupplierId: b })).id;
    const [incident] = await db
      .insert(incidents)
      .values({
        reference: 'INC-000001',
        scenario: '2.5.6',
        title: 'MGF whole file validation error',
        raisedByPartyId: s1sp.id,
        ownerPartyId: rp.id,
        category: 3,
        status: 'in-progress',
        raisedAt: new Date('2026-11-23T09:00:00Z'),
      })
      .returning();
    if (!incident) throw new Error('incident missing');
    incidentId = incident.id;
    await db.insert(incidentInstallations).values([
      { incidentId, installationId: ofA },
      { incidentId, installationId: ofB },
    ]);
    await db.insert(incidentInterestedParties).values([
      { incidentId, partyId: a },
      { incidentId, partyId: b },
    ]);
    await db.insert(incidentEvents).values([
      { incidentId, at: new Date('2026-11-23T09:00:00Z'), status: 'open', category: 3 },
      { incidentId, at: new Date('2026-11-23T10:00:00Z'), status: 'paused', category: 3 },
      { incidentId, at: new Date('2026-11-23T12:00:00Z'), status: 'in-progress', category: 2 },
    ]);
  });
  afterAll(() => dispose());

  it('shows the MCC every affected installation and every Interested Party', async () => {
    const incident = await getIncident(analyst, incidentId);
    expect(incident?.installations.map((i) => i.id).sort()).toEqual([ofA, ofB].sort());
    expect(incident?.interestedParties).toEqual(['Alpha', 'Beta']);
  });

  it('shows a supplier only its own affected installations and never the other suppliers', async () => {
    const incident = await getIncident(supplierViewer(a), incidentId);
    expect(incident?.installations.map((i) => i.id)).toEqual([ofA]);
    expect(incident?.interestedParties).toEqual([]);
  });

  it('answers a supplier with no part in the incident exactly as for a missing one', async () => {
    expect(await getIncident(supplierViewer(c), incidentId)).toBeNull();
    expect(await getIncident(analyst, 999_999)).toBeNull();
  });

  it('runs the resolution clock from the history: paused time excluded, the new category’s target applies', async () => {
    const incident = await getIncident(analyst, incidentId);
    if (!incident) throw new Error('incident missing');
    const clock = clockFor(incident, new Date('2026-11-23T13:00:00Z'));
    // Running 09:00–10:00 and 12:00–13:00; paused 10:00–12:00.
    expect(clock.elapsedMs).toBe(2 * 3_600_000);
    expect(clock.category).toBe(2);
    expect(clock.running).toBe(true);
  });
});
