/**
 * The MAs of an installation (MEHRS 2.3; MAM for split supply; DCC MAs for Dormant/Dormant installations) and their
 * Validation and Completion Responses. A rejected MA is made to carry the fault its code names (a wrong date, a
 * meter point left out, another supplier's MA, …) and its stored codes are what lib/rules' validator finds in it.
 */
import {
  type MigrationAuthorisationItem,
  maValidationContext,
  type RegisteredInstallation,
  validateMigrationAuthorisation,
} from '@/lib/rules/ma-validation';
import { addCalendarDays, type IsoDate, londonDate, migrationWeekOfDate } from '@/lib/rules/weeks';
import type { AttemptStart, Outcome, Step } from './attempts';
import { bump, type SeedContext } from './context';
import { mpanFor, mprnFor } from './meter-points';
import type { Meters } from './meters';
import { secPartyIdOf } from './parties';
import type { InstallationChunk, InstallationRow } from './rows';
import { MINUTE, SECOND_MA_LAG_MINUTES } from './shape';

interface MaSpec {
  readonly partyId: number;
  readonly supplierIndex: number;
  readonly mpan: string | null;
  readonly mprn: string | null;
  /** This MA carries the validation rejection when the attempt fails MA validation. */
  readonly carriesRejection: boolean;
}

/** An MA as sent, with what the demo does not store (certificates, DCC-named suppliers) and the registry's block. */
interface SentMa {
  partyId: number;
  supplierIndex: number;
  mpan: string | null;
  mprn: string | null;
  migrationWeek: IsoDate;
  migrateOn: IsoDate;
  esmeCertificates: boolean;
  gasCertificates: boolean;
  issuerNames: boolean;
  esmeSupplierId: boolean;
  gsmeSupplierId: boolean;
  blocked: boolean;
}

/** Meter points no installation has: a typing error in the MA (MA001, MA002). Ids stay far below these. */
const UNREGISTERED_BASE = 9_000_000_000;

/** Who sends the MAs (MEHRS 2.3; MAM for split supply; the DCC authorises Dormant/Dormant installations, 4.1). */
export function authorisingParties(ctx: SeedContext, m: Meters): MaSpec[] {
  const { mpan, mprn } = m;
  if (m.type === 'dormant-dormant') {
    return [{ partyId: ctx.parties.service.dcc.id, supplierIndex: -1, mpan, mprn, carriesRejection: true }];
  }
  if (m.split) {
    const rejectElectricity = ctx.rng.chance(0.5);
    return [
      {
        partyId: ctx.supplierPartyId(m.electricitySupplier) as number,
        supplierIndex: m.electricitySupplier,
        mpan,
        mprn: null,
        carriesRejection: rejectElectricity,
      },
      {
        partyId: ctx.supplierPartyId(m.gasSupplier) as number,
        supplierIndex: m.gasSupplier,
        mpan: null,
        mprn,
        carriesRejection: !rejectElectricity,
      },
    ];
  }
  // Active-only, or Active/Dormant: the Active Supplier authorises its own meter point (MEHRS 4.2: the installation
  // is included by the Active Meter's supplier; a DCC MA for it would fail MA012).
  const index = m.electricityActive ? m.electricitySupplier : m.gasSupplier;
  return [
    {
      partyId: ctx.supplierPartyId(index) as number,
      supplierIndex: index,
      mpan: m.electricityActive ? mpan : null,
      mprn: m.gasActive ? mprn : null,
      carriesRejection: true,
    },
  ];
}

/** What the SMSO system holds for the installation when its MA arrives (MEHRS 2.3.2 checks read it). */
function registryOf(ctx: SeedContext, m: Meters, blocked: boolean): RegisteredInstallation {
  const sec = (index: number) =>
    secPartyIdOf(ctx.parties.suppliers[index] as { secPartyId: string; slug: string });
  return {
    mpan: m.mpan,
    mprn: m.mprn,
    mpanMeterTypes: m.hasElectricity ? ['ESME'] : [],
    mprnMeterTypes: m.hasGas ? ['GSME', 'GPF'] : [],
    esmeActiveSupplierId: m.electricityActive ? sec(m.electricitySupplier) : null,
    gsmeActiveSupplierId: m.gasActive ? sec(m.gasSupplier) : null,
    blocked,
  };
}

function otherSupplier(ctx: SeedContext, index: number): number {
  const count = ctx.parties.suppliers.length;
  return (Math.max(0, index) + 1 + ctx.rng.int(0, count - 2)) % count;
}

/** Makes the MA carry the fault `code` names (MEHRS Appendix A.1, MA001–MA017). */
function applyFault(
  ctx: SeedContext,
  sent: SentMa,
  code: string,
  m: Meters,
  today: IsoDate,
  id: number,
): void {
  const r = ctx.rng;
  switch (code) {
    case 'MA001':
      sent.mpan = mpanFor(UNREGISTERED_BASE - id, ctx.seed);
      break;
    case 'MA002':
      sent.mprn = mprnFor(UNREGISTERED_BASE - id, ctx.seed);
      break;
    case 'MA003':
      sent.migrationWeek = addCalendarDays(sent.migrationWeek, r.int(1, 6));
      break;
    case 'MA004':
      // A week that had already ended when the MA arrived (and a Migrate On date inside it).
      sent.migrationWeek = addCalendarDays(migrationWeekOfDate(today), -7 * r.int(1, 3));
      sent.migrateOn = addCalendarDays(sent.migrationWeek, r.int(0, 6));
      break;
    case 'MA005':
      sent.migrateOn = addCalendarDays(sent.migrationWeek, r.int(7, 13));
      break;
    case 'MA006':
      sent.migrateOn = today;
      break;
    case 'MA007':
    case 'MA008': {
      // Another supplier authorised it: it was never, or is no longer, the meter's Active Supplier.
      sent.supplierIndex = otherSupplier(ctx, code === 'MA007' ? m.electricitySupplier : m.gasSupplier);
      sent.partyId = ctx.supplierPartyId(sent.supplierIndex) as number;
      break;
    }
    case 'MA009':
    case 'MA013':
      if (r.chance(0.5)) sent.mprn = null;
      else sent.mpan = null;
      break;
    case 'MA010':
      sent.esmeCertificates = false;
      break;
    case 'MA011':
      sent.gasCertificates = false;
      break;
    case 'MA014':
      sent.esmeSupplierId = false;
      break;
    case 'MA015':
      sent.gsmeSupplierId = false;
      break;
    case 'MA016':
      sent.issuerNames = false;
      break;
    case 'MA017':
      sent.blocked = true;
      break;
  }
}

/** Faults that can sit beside any other in one MA without undoing it (MEHRS 2.3.2: every failing check returns). */
const COMBINABLE_FAULTS: readonly string[] = ['MA003', 'MA004', 'MA005', 'MA006', 'MA010', 'MA011', 'MA016'];

const CERTIFICATE = { serialNumber: '00DEMO', issuerName: 'DEMO-ISSUER' };
const UNNAMED_CERTIFICATE = { serialNumber: '00DEMO', issuerName: null };

/** The MA item as lib/rules' validator reads it. */
export function sentItem(sent: SentMa, supplierId: string, fromDcc: boolean): MigrationAuthorisationItem {
  const certificate = sent.issuerNames ? CERTIFICATE : UNNAMED_CERTIFICATE;
  return {
    mpan: sent.mpan,
    mprn: sent.mprn,
    supplierId,
    submittedBy: fromDcc ? 'dcc' : 'supplier',
    migrationWeek: sent.migrationWeek,
    migrateOn: sent.migrateOn,
    ...(fromDcc
      ? {
          esmeSupplierId: sent.esmeSupplierId ? 'DCC' : null,
          gsmeSupplierId: sent.gsmeSupplierId ? 'DCC' : null,
        }
      : {
          esmeSupplierCertificateIds: sent.mpan && sent.esmeCertificates ? [certificate] : [],
          gsmeSupplierCertificateIds: sent.mprn && sent.gasCertificates ? [certificate] : [],
          gpfSupplierCertificateIds: sent.mprn && sent.gasCertificates ? [certificate] : [],
        }),
  };
}

/** The MA that carries a rejection: the one naming the meter point the code is about, else the designated one. */
function carrierOf(code: string, specs: readonly MaSpec[]): MaSpec | undefined {
  if (['MA001', 'MA007', 'MA010'].includes(code)) return specs.find((s) => s.mpan !== null);
  if (['MA002', 'MA008', 'MA011'].includes(code)) return specs.find((s) => s.mprn !== null);
  return specs.find((s) => s.carriesRejection);
}

/** The codes lib/rules' validator finds in a faulty MA. */
function rejectionCodes(ctx: SeedContext, sent: SentMa, m: Meters, today: IsoDate): readonly string[] {
  const party = ctx.parties.rows.find((p) => p.id === sent.partyId);
  if (!party) throw new Error(`Unknown party ${sent.partyId}`);
  const item = sentItem(sent, secPartyIdOf(party), party.role === 'dcc');
  const result = validateMigrationAuthorisation(
    item,
    maValidationContext(today, [registryOf(ctx, m, sent.blocked)]),
  );
  return result.failures.map((f) => f.code);
}

/** MEHRS 2.3.2 MA012: the DCC authorised an installation that has an Active meter, instead of its supplier. */
function dccInstead(ctx: SeedContext, m: Meters): MaSpec[] {
  const partyId = ctx.parties.service.dcc.id;
  return [{ partyId, supplierIndex: -1, mpan: m.mpan, mprn: m.mprn, carriesRejection: true }];
}

/** The MAs of this attempt and their Validation and Completion Responses (S1MIG-006, S1MIG-010). */
export function recordAuthorisations(
  ctx: SeedContext,
  out: InstallationChunk,
  row: InstallationRow,
  m: Meters,
  maSpecs: readonly MaSpec[],
  start: AttemptStart,
  result: { outcome: Outcome; done: boolean; last: Step },
): void {
  const r = ctx.rng;
  const { outcome, done, last } = result;
  const failed = outcome.kind === 'failed';
  // A rejection not yet sent (the response is due after `now`) leaves the MA as accepted so far.
  const rejected = failed && outcome.stage === 'authorisation' && done;
  const specs = rejected && outcome.code === 'MA012' ? dccInstead(ctx, m) : maSpecs;
  const carrier = rejected ? carrierOf(outcome.code, specs) : undefined;
  if (rejected && !carrier) throw new Error(`No MA of installation ${row.id} can carry ${outcome.code}`);
  const missingPartner = failed && outcome.code === 'MA106';
  let skipped = false;
  for (const spec of specs) {
    // MAM: with MA106 one of the two suppliers missed the designated week, so its MA never arrived.
    if (missingPartner && spec.carriesRejection && !skipped) {
      skipped = true;
      continue;
    }
    const lag = spec === specs[0] ? 0 : r.int(0, SECOND_MA_LAG_MINUTES) * MINUTE;
    const at = Math.min(start.receivedAt + lag, ctx.nowMs);
    const sent: SentMa = {
      partyId: spec.partyId,
      supplierIndex: spec.supplierIndex,
      mpan: spec.mpan,
      mprn: spec.mprn,
      migrationWeek: start.week.week,
      migrateOn: row.migrateOn,
      esmeCertificates: true,
      gasCertificates: true,
      issuerNames: true,
      esmeSupplierId: true,
      gsmeSupplierId: true,
      blocked: false,
    };
    let codes: readonly string[] = [];
    if (rejected && spec === carrier) {
      const today = londonDate(new Date(at));
      const clean = { ...sent };
      // The second fault first, so that the code the attempt fails with is the one its fault last set.
      for (const code of outcome.extraCodes)
        if (COMBINABLE_FAULTS.includes(code)) applyFault(ctx, sent, code, m, today, row.id);
      applyFault(ctx, sent, outcome.code, m, today, row.id);
      codes = rejectionCodes(ctx, sent, m, today);
      if (!codes.includes(outcome.code)) {
        // The second fault hid the first (no certificate at all leaves none without an issuer): send only the first.
        Object.assign(sent, clean);
        applyFault(ctx, sent, outcome.code, m, today, row.id);
        codes = rejectionCodes(ctx, sent, m, today);
      }
      if (!codes.includes(outcome.code))
        throw new Error(`The demo MA meant to fail ${outcome.code} fails [${codes.join(', ')}]`);
    }
    out.authorisations.push({
      id: ctx.nextAuthorisationId++,
      installationId: row.id,
      authorisingPartyId: sent.partyId,
      mpan: sent.mpan,
      mprn: sent.mprn,
      migrationWeek: sent.migrationWeek,
      migrateOn: sent.migrateOn,
      receivedAt: at,
      validationStatus: codes.length > 0 ? 'rejected' : 'accepted',
      validationCodes: codes,
      completionStatus: done ? (failed ? 'failure' : 'success') : null,
      completionCode: done && failed ? outcome.code : null,
      completedAt: done ? Math.max(last.at, at) : null,
    });
    if (sent.supplierIndex >= 0) {
      bump(ctx.received[sent.supplierIndex], start.weekIndex);
    }
  }
}
