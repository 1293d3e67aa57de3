/** The MAs of an installation (MEHRS 2.3; MAM for split supply; DCC MAs for dormant meters) and their responses. */
import type { AttemptStart, Outcome, Step } from './attempts';
import { CATALOGUE_BY_CODE } from './catalogue';
import { bump, type SeedContext } from './context';
import type { Meters } from './meters';
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

/** Who sends the MAs (MEHRS 2.3; MAM for split supply; the DCC authorises dormant meters, section 4). */
export function authorisingParties(ctx: SeedContext, m: Meters): MaSpec[] {
  const dcc = ctx.parties.service.dcc.id;
  const { mpan, mprn } = m;
  if (m.type === 'dormant-dormant') {
    return [{ partyId: dcc, supplierIndex: -1, mpan, mprn, carriesRejection: true }];
  }
  if (m.type === 'active-dormant') {
    const activeIndex = m.electricityActive ? m.electricitySupplier : m.gasSupplier;
    return [
      {
        partyId: ctx.supplierPartyId(activeIndex) as number,
        supplierIndex: activeIndex,
        mpan: m.electricityActive ? mpan : null,
        mprn: m.electricityActive ? null : mprn,
        carriesRejection: true,
      },
      {
        partyId: dcc,
        supplierIndex: -1,
        mpan: m.electricityActive ? null : mpan,
        mprn: m.electricityActive ? mprn : null,
        carriesRejection: false,
      },
    ];
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
  const index = m.electricityActive ? m.electricitySupplier : m.gasSupplier;
  return [
    {
      partyId: ctx.supplierPartyId(index) as number,
      supplierIndex: index,
      mpan,
      mprn,
      carriesRejection: true,
    },
  ];
}

/** The MAs of this attempt and their Validation and Completion Responses (S1MIG-006, S1MIG-010). */
export function recordAuthorisations(
  ctx: SeedContext,
  out: InstallationChunk,
  row: InstallationRow,
  maSpecs: readonly MaSpec[],
  start: AttemptStart,
  result: { outcome: Outcome; done: boolean; last: Step },
): void {
  const r = ctx.rng;
  const { outcome, done, last } = result;
  const dcc = ctx.parties.service.dcc.id;
  const failed = outcome.kind === 'failed';
  const rejected = failed && outcome.stage === 'authorisation';
  const missingPartner = failed && outcome.code === 'MA106';
  const dormantRejection = rejected ? (CATALOGUE_BY_CODE.get(outcome.code)?.dormantOnly ?? false) : false;
  let skipped = false;
  for (const spec of maSpecs) {
    // MAM: with MA106 one of the two suppliers missed the designated week, so its MA never arrived.
    if (missingPartner && spec.carriesRejection && !skipped) {
      skipped = true;
      continue;
    }
    // Dormant-only codes are about the DCC's MA (MEHRS 2.3.2); the rest about the supplier's. A rejection
    // not yet sent (the response is due after `now`) leaves the MA as accepted so far.
    const carries = rejected && done && (dormantRejection ? spec.partyId === dcc : spec.carriesRejection);
    const lag = spec === maSpecs[0] ? 0 : r.int(0, SECOND_MA_LAG_MINUTES) * MINUTE;
    const at = Math.min(start.receivedAt + lag, ctx.nowMs);
    out.authorisations.push({
      id: ctx.nextAuthorisationId++,
      installationId: row.id,
      authorisingPartyId: spec.partyId,
      mpan: spec.mpan,
      mprn: spec.mprn,
      migrationWeek: start.week.week,
      migrateOn: row.migrateOn,
      receivedAt: at,
      validationStatus: carries ? 'rejected' : 'accepted',
      validationCodes: carries && failed ? [outcome.code, ...outcome.extraCodes] : [],
      completionStatus: done ? (failed ? 'failure' : 'success') : null,
      completionCode: done && failed ? outcome.code : null,
      completedAt: done ? Math.max(last.at, at) : null,
    });
    if (spec.supplierIndex >= 0) {
      bump(ctx.received[spec.supplierIndex], start.weekIndex);
      if (!carries) bump(ctx.valid[spec.supplierIndex], start.weekIndex);
    }
  }
}
