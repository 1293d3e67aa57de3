/**
 * The demo data tells the truth about itself: every MA's stored validation codes are what lib/rules' validator finds
 * in it (MEHRS 2.3.2), every failure's scenario is the resolver's, every Incident a failure raises exists and links
 * it, every incident link falls inside the incident's open window at its scenario's stage, attempts agree with the
 * timeline, and rollbacks and commissioning follow the rules (MEHRS 1.3, 2.6.5, 2.6.6).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type MigrationAuthorisationItem,
  maValidationContext,
  validateMigrationAuthorisation,
} from '@/lib/rules/ma-validation';
import { resolveFailure } from '@/lib/rules/resolve';
import { scenario as scenarioOf } from '@/lib/rules/scenarios';
import { londonDate } from '@/lib/rules/weeks';
import { DemoGenerator } from './generate';
import { type PartyRow, secPartyIdOf } from './parties';
import type { AuthorisationRow, IncidentBundle, InstallationEventRow, InstallationRow } from './rows';

const NOW = new Date('2026-03-18T10:30:00Z');

const installations: InstallationRow[] = [];
const events: InstallationEventRow[] = [];
const authorisations: AuthorisationRow[] = [];
let incidents: IncidentBundle;
let parties: readonly PartyRow[] = [];

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

beforeAll(() => {
  const generator = new DemoGenerator({ installations: 8_000, seed: 16, now: NOW });
  for (const chunk of generator.chunks(1_000)) {
    installations.push(...chunk.installations);
    events.push(...chunk.events);
    authorisations.push(...chunk.authorisations);
  }
  incidents = generator.incidents();
  parties = generator.parties.rows;
});

/** The MA as received: stored columns, plus the parts the demo does not store, as its codes say they were. */
function itemOf(ma: AuthorisationRow, author: PartyRow): MigrationAuthorisationItem {
  const codes = new Set(ma.validationCodes);
  const certificate = { serialNumber: '00TEST', issuerName: codes.has('MA016') ? null : 'TEST-ISSUER' };
  const dcc = author.role === 'dcc';
  return {
    mpan: ma.mpan,
    mprn: ma.mprn,
    supplierId: secPartyIdOf(author),
    submittedBy: dcc ? 'dcc' : 'supplier',
    migrationWeek: ma.migrationWeek,
    migrateOn: ma.migrateOn,
    ...(dcc
      ? { esmeSupplierId: codes.has('MA014') ? null : 'X', gsmeSupplierId: codes.has('MA015') ? null : 'X' }
      : {
          esmeSupplierCertificateIds: ma.mpan && !codes.has('MA010') ? [certificate] : [],
          gsmeSupplierCertificateIds: ma.mprn && !codes.has('MA011') ? [certificate] : [],
          gpfSupplierCertificateIds: ma.mprn && !codes.has('MA011') ? [certificate] : [],
        }),
  };
}

describe('the demo data agrees with its codes', () => {
  it("gives every MA the codes lib/rules' validator finds in it, and none to an accepted one (MEHRS 2.3.2)", () => {
    const byId = new Map(parties.map((p) => [p.id, p]));
    const sec = (partyId: number | null) => {
      const party = partyId === null ? undefined : byId.get(partyId);
      return party ? secPartyIdOf(party) : null;
    };
    const mas = groupBy(authorisations, (a) => a.installationId);
    expect(authorisations.filter((a) => a.validationStatus === 'rejected').length).toBeGreaterThan(50);
    let checked = 0;
    for (const inst of installations) {
      // The registry as each MA found it: walking back in time, a change of supplier after an MA (MA104, MA105)
      // means the MA's author was the Active Supplier when it arrived.
      let esme = inst.electricityState === 'active' ? sec(inst.electricitySupplierId) : null;
      let gsme = inst.gasState === 'active' ? sec(inst.gasSupplierId) : null;
      const own = [...(mas.get(inst.id) ?? [])].sort((a, b) => b.receivedAt - a.receivedAt || b.id - a.id);
      for (const ma of own) {
        const author = byId.get(ma.authorisingPartyId) as PartyRow;
        if (ma.completionCode === 'MA104' || ma.completionCode === 'MA105') {
          if (ma.mpan) esme = secPartyIdOf(author);
          if (ma.mprn) gsme = secPartyIdOf(author);
        }
        const registry = {
          mpan: inst.mpan,
          mprn: inst.mprn,
          mpanMeterTypes: inst.mpan ? (['ESME'] as const) : [],
          mprnMeterTypes: inst.mprn ? (['GSME', 'GPF'] as const) : [],
          esmeActiveSupplierId: esme,
          gsmeActiveSupplierId: gsme,
          blocked: ma.validationCodes.includes('MA017'),
        };
        const today = londonDate(new Date(ma.receivedAt));
        const result = validateMigrationAuthorisation(
          itemOf(ma, author),
          maValidationContext(today, [registry]),
        );
        expect(
          result.failures.map((f) => f.code),
          `MA ${ma.id} of installation ${inst.id}`,
        ).toEqual(ma.validationCodes);
        expect(ma.validationStatus).toBe(ma.validationCodes.length > 0 ? 'rejected' : 'accepted');
        checked++;
      }
    }
    expect(checked).toBe(authorisations.length);
  });

  it('never has an MA authored by the party still registered for the meter point it is rejected about', () => {
    const byId = new Map(installations.map((i) => [i.id, i]));
    const changed = new Set(
      authorisations
        .filter((a) => ['MA104', 'MA105'].includes(a.completionCode ?? ''))
        .map((a) => a.installationId),
    );
    const wrongSupplier = authorisations.filter(
      (a) => !changed.has(a.installationId) && ['MA007', 'MA008'].some((c) => a.validationCodes.includes(c)),
    );
    expect(wrongSupplier.length).toBeGreaterThan(0);
    for (const ma of wrongSupplier) {
      const inst = byId.get(ma.installationId) as InstallationRow;
      // An MPxN the registry does not hold (MA001, MA002) has no Active Supplier, so its own supplier fails too.
      if (ma.validationCodes.includes('MA001') || ma.validationCodes.includes('MA002')) continue;
      if (ma.validationCodes.includes('MA007'))
        expect(ma.authorisingPartyId).not.toBe(inst.electricitySupplierId);
      if (ma.validationCodes.includes('MA008')) expect(ma.authorisingPartyId).not.toBe(inst.gasSupplierId);
    }
    // The latest change of supplier of each installation: its gaining supplier is the one registered now.
    const latest = new Map<number, AuthorisationRow>();
    for (const ma of authorisations.filter((a) => changed.has(a.installationId))) {
      const seen = latest.get(ma.installationId);
      if (['MA104', 'MA105'].includes(ma.completionCode ?? '') && (!seen || seen.receivedAt < ma.receivedAt))
        latest.set(ma.installationId, ma);
    }
    expect(latest.size).toBeGreaterThan(0);
    for (const ma of latest.values()) {
      const inst = byId.get(ma.installationId) as InstallationRow;
      const now = ma.completionCode === 'MA104' ? inst.electricitySupplierId : inst.gasSupplierId;
      expect(ma.authorisingPartyId, `MA ${ma.id}: the supplier changed after it`).not.toBe(now);
    }
  });

  it('counts the attempt the timeline is on, planned ones included', () => {
    const byInstallation = groupBy(events, (e) => e.installationId);
    for (const inst of installations) {
      const attempts = (byInstallation.get(inst.id) ?? []).map((e) => e.attempt);
      expect(inst.attemptCount, `installation ${inst.id}`).toBe(Math.max(...attempts));
    }
  });

  it('takes an Active installation the DCC does not commission from a successful SCF to migrated (MEHRS 1.3)', () => {
    const own = new Set(
      installations.filter((i) => i.installationType === 'active-only' && !i.splitSupply).map((i) => i.id),
    );
    expect(own.size).toBeGreaterThan(0);
    expect(events.filter((e) => own.has(e.installationId) && e.stage === 'commissioning')).toEqual([]);
    expect(events.some((e) => own.has(e.installationId) && e.status === 'migrated')).toBe(true);
  });

  it('rolls back exactly the failures the rules roll back (MEHRS 2.6.5 MA121, 2.6.6 12.9.5.DP01)', () => {
    const failures = events.filter((e) => e.status === 'failed' || e.status === 'rolled-back');
    expect(failures.some((e) => e.status === 'rolled-back')).toBe(true);
    for (const e of failures)
      expect(e.status, `${e.code}`).toBe(
        ['MA121', '12.9.5.DP01'].includes(e.code ?? '') ? 'rolled-back' : 'failed',
      );
  });
});

describe('incidents agree with the failures they link', () => {
  it('links only installations that failed at its stage while it was open, or are held there since it was raised', () => {
    const byInstallation = groupBy(events, (e) => e.installationId);
    const installation = new Map(installations.map((i) => [i.id, i]));
    const incident = new Map(incidents.incidents.map((i) => [i.id, i]));
    expect(incidents.installations.length).toBeGreaterThan(20);
    for (const link of incidents.installations) {
      const inc = incident.get(link.incidentId);
      const stage = inc ? scenarioOf(inc.scenario)?.stage : undefined;
      expect(stage, `incident ${link.incidentId}`).toBeDefined();
      if (!inc) continue;
      const end = inc.resolvedAt ?? NOW.getTime();
      const failed = (byInstallation.get(link.installationId) ?? []).some(
        (e) =>
          (e.status === 'failed' || e.status === 'rolled-back') &&
          e.stage === stage &&
          e.occurredAt >= inc.raisedAt &&
          e.occurredAt <= end,
      );
      const i = installation.get(link.installationId) as InstallationRow;
      const held =
        inc.resolvedAt === null &&
        i.status === 'in-progress' &&
        i.stage === stage &&
        i.lastChangedAt >= inc.raisedAt;
      expect(failed || held, `${inc.reference} (${inc.scenario}) → installation ${i.id}`).toBe(true);
    }
  });

  it("stores the resolver's scenario on every failure, and links every failure that raises an Incident to one", () => {
    const installation = new Map(installations.map((i) => [i.id, i]));
    const linksByInstallation = groupBy(incidents.installations, (l) => l.installationId);
    const incident = new Map(incidents.incidents.map((i) => [i.id, i]));
    const failures = events.filter((e) => e.code !== null);
    let raising = 0;
    for (const e of failures) {
      const i = installation.get(e.installationId) as InstallationRow;
      const covering = (linksByInstallation.get(e.installationId) ?? [])
        .map((l) => incident.get(l.incidentId))
        .filter(
          (inc) =>
            inc !== undefined &&
            scenarioOf(inc.scenario)?.stage === e.stage &&
            e.occurredAt >= inc.raisedAt &&
            e.occurredAt <= (inc.resolvedAt ?? NOW.getTime()),
        );
      const resolution = resolveFailure(
        {
          code: e.code,
          failedStepNumber: e.failedStep,
          stage: e.stage,
          submittedBy: i.installationType === 'dormant-dormant' || e.code === 'MA012' ? 'dcc' : 'supplier',
          linkedIncidentScenario: e.code === 'MA101' ? (covering[0]?.scenario ?? null) : null,
        },
        {
          groupId: i.groupId,
          installationType: i.installationType,
          electricity: i.electricityState,
          gas: i.gasState,
          splitSupply: i.splitSupply,
          toBeCommissionedByDcc: i.installationType !== 'active-only' || i.splitSupply,
        },
      );
      const stored = scenarioOf(resolution.section) ? resolution.section : null;
      expect(e.scenario, `${e.code} on installation ${i.id}`).toBe(stored);
      if (resolution.incident.kind !== 'incident') continue;
      raising++;
      expect(
        covering.some((inc) => inc?.scenario === resolution.section),
        `${e.code} (${resolution.section}) on installation ${i.id} has its incident`,
      ).toBe(true);
    }
    expect(raising).toBeGreaterThan(10);
  });
});
