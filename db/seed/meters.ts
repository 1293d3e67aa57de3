/** An installation's meters, their Active suppliers and the profile the code tables read, drawn once per id. */
import type { GroupId, InstallationType } from '@/lib/rules/types';
import type { CodeProfile } from './catalogue';
import type { SeedContext } from './context';
import { mpanFor, mprnFor } from './meter-points';
import type { SmsoParty } from './parties';
import type { InstallationRow } from './rows';
import { ACTIVE_DORMANT_ELECTRICITY_ACTIVE, type Fuel, PRIORITY_SHARE } from './shape';

/** What is drawn once per installation: its meters, their suppliers and the profile the code tables read. */
export interface Meters {
  readonly groupId: GroupId;
  readonly smso: SmsoParty;
  readonly type: InstallationType;
  readonly hasElectricity: boolean;
  readonly hasGas: boolean;
  readonly electricityActive: boolean;
  readonly gasActive: boolean;
  readonly split: boolean;
  /** Index into the suppliers, or -1. */
  readonly electricitySupplier: number;
  readonly gasSupplier: number;
  readonly priority: boolean;
  readonly mpan: string | null;
  readonly mprn: string | null;
  readonly profile: CodeProfile;
}

function drawSuppliers(
  ctx: SeedContext,
  forced: number,
  electricityActive: boolean,
  gasActive: boolean,
  split: boolean,
): { electricitySupplier: number; gasSupplier: number } {
  const r = ctx.rng;
  const count = ctx.parties.suppliers.length;
  let electricitySupplier = -1;
  let gasSupplier = -1;
  if (electricityActive) electricitySupplier = forced >= 0 ? forced : r.weighted(ctx.supplierTable);
  if (gasActive) {
    if (split) {
      gasSupplier = r.weighted(ctx.supplierTable);
      // Split supply needs two different suppliers; the table always has more than one.
      while (gasSupplier === electricitySupplier)
        gasSupplier = (gasSupplier + 1 + r.int(0, count - 2)) % count;
    } else {
      gasSupplier = electricityActive ? electricitySupplier : r.weighted(ctx.supplierTable);
    }
  }
  return { electricitySupplier, gasSupplier };
}

export function drawMeters(ctx: SeedContext, id: number): Meters {
  const r = ctx.rng;
  // The first ids go one to each supplier, so every supplier has installations even in a small demo.
  const forced = id <= ctx.parties.suppliers.length ? id - 1 : -1;
  const groupId = r.weighted(ctx.groupTable);
  const smso = r.pick(ctx.smsosByGroup.get(groupId) as readonly SmsoParty[]);
  const type: InstallationType = forced >= 0 ? 'active-only' : r.weighted(ctx.typeTable);
  const fuel: Fuel =
    forced >= 0
      ? 'dual'
      : type === 'active-only'
        ? r.weighted(ctx.activeFuelTable)
        : type === 'active-dormant'
          ? 'dual'
          : r.weighted(ctx.dormantFuelTable);
  const hasElectricity = fuel !== 'gas';
  const hasGas = fuel !== 'electricity';
  let electricityActive = hasElectricity && type === 'active-only';
  let gasActive = hasGas && type === 'active-only';
  if (type === 'active-dormant') {
    electricityActive = r.chance(ACTIVE_DORMANT_ELECTRICITY_ACTIVE);
    gasActive = !electricityActive;
  }
  const split = forced < 0 && type === 'active-only' && fuel === 'dual' && r.chance(ctx.splitGivenDualActive);
  const { electricitySupplier, gasSupplier } = drawSuppliers(
    ctx,
    forced,
    electricityActive,
    gasActive,
    split,
  );
  const priority = r.chance(PRIORITY_SHARE);
  const commissionedByCp = type !== 'active-only' || split;
  return {
    groupId,
    smso,
    type,
    hasElectricity,
    hasGas,
    electricityActive,
    gasActive,
    split,
    electricitySupplier,
    gasSupplier,
    priority,
    mpan: hasElectricity ? mpanFor(id, ctx.seed) : null,
    mprn: hasGas ? mprnFor(id, ctx.seed) : null,
    profile: {
      groupId,
      smsoSlug: smso.slug,
      hasElectricity,
      hasGas,
      electricityActive,
      gasActive,
      type,
      split,
      commissionedByCp,
    },
  };
}

/** The installation row before its first attempt. */
export function newRow(ctx: SeedContext, id: number, m: Meters): InstallationRow {
  return {
    id,
    mpan: m.mpan,
    mprn: m.mprn,
    groupId: m.groupId,
    smsoPartyId: m.smso.id,
    electricitySupplierId: ctx.supplierPartyId(m.electricitySupplier),
    gasSupplierId: ctx.supplierPartyId(m.gasSupplier),
    electricityState: m.hasElectricity ? (m.electricityActive ? 'active' : 'dormant') : null,
    gasState: m.hasGas ? (m.gasActive ? 'active' : 'dormant') : null,
    installationType: m.type,
    splitSupply: m.split,
    toBeCommissionedByDcc: m.profile.commissionedByCp,
    priority: m.priority,
    migrationWeek: '',
    migrateOn: '',
    stage: 'demand',
    status: 'in-progress',
    attemptCount: 0,
    lastCode: null,
    lastFailedStep: null,
    lastChangedAt: 0,
  };
}

/**
 * MA104 / MA105 (Appendix A.1): the supplier changed after the MA was accepted. The gaining supplier is now the
 * meter's Active Supplier (and the next MA is its own); a same-supplier dual fuel customer moves both meters.
 */
export function changeOfSupplier(ctx: SeedContext, m: Meters, row: InstallationRow, code: string): Meters {
  const count = ctx.parties.suppliers.length;
  const electricity = code === 'MA104';
  const current = electricity ? m.electricitySupplier : m.gasSupplier;
  const other = electricity ? m.gasSupplier : m.electricitySupplier;
  let gaining = (current + 1 + ctx.rng.int(0, count - 2)) % count;
  // A split supply stays split: the gaining supplier is not the other meter's.
  while (m.split && (gaining === other || gaining === current)) gaining = (gaining + 1) % count;
  const both = !m.split && m.electricityActive && m.gasActive;
  const next: Meters = {
    ...m,
    electricitySupplier: electricity || both ? gaining : m.electricitySupplier,
    gasSupplier: !electricity || both ? gaining : m.gasSupplier,
  };
  row.electricitySupplierId = ctx.supplierPartyId(next.electricitySupplier);
  row.gasSupplierId = ctx.supplierPartyId(next.gasSupplier);
  return next;
}
