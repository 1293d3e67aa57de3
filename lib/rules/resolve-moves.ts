/**
 * The next move of a resolved failure, written for its reader (resolve.ts decides the scenario; this file
 * decides who acts and says it to the person reading). Sources: MEHRS 2.3.2 (who resubmits), MEHRS section 4
 * (dormant triage), MAM v4 split supply (MEHRS v5.0 conclusions, section 5: the MCC designates the week).
 */
import { NEXT_MOVE_KINDS, type NextMoveKind, ownerLabelFor } from './next-moves';
import type { FailureContext, Fuel, NextMove, Reader } from './resolve-types';

/** How the failure's next move is decided (resolve.ts picks one per failure). */
export type Move =
  /** MEHRS 2.3.2: the party that sent the MA resubmits it; a DCC MA is the MCC's to correct (section 4). */
  | { readonly kind: 'authorising-party'; readonly submittedBy: 'supplier' | 'dcc' }
  /** After validation: an Active-only installation is its supplier's to reschedule; a Dormant Meter is the MCC's. */
  | { readonly kind: 'reschedule' }
  /** A named party moves first (an Incident owner, the Commissioning Party, the MCC's Service Request). */
  | { readonly kind: 'party'; readonly moveKind: NextMoveKind; readonly action: string }
  /** MA106: the MAM split-supply rule. */
  | { readonly kind: 'split-supply' }
  /** MA104/MA105: the meter changed supplier after the MA (seed 000 4.3.2). */
  | { readonly kind: 'change-of-supplier'; readonly fuel: Fuel }
  /** A commissioning response for an installation the supplier commissions itself (MEHRS 1.3). */
  | { readonly kind: 'out-of-scope' };

const BOTH = 'Both Active Suppliers';
const KEY: Record<Fuel, string> = { electricity: 'MPAN', gas: 'MPRN' };
const DESIGNATED_WEEK =
  'the next Migration Week the Migration Control Centre designates for this split supply in its split-supply calendar (MAM v4)';

function reader(ctx: FailureContext): Reader {
  return ctx.reader ?? { kind: 'mcc' };
}

function keysOf(fuels: readonly Fuel[]): string {
  return fuels.length === 0 ? 'your meter' : `your ${fuels.map((f) => KEY[f]).join(' and ')}`;
}

function party(kind: NextMoveKind, action: string, r: Reader, triage: NextMove['triage'] = null): NextMove {
  const { owner, summary } = NEXT_MOVE_KINDS[kind];
  const readerActs = r.kind === 'mcc' ? owner === 'mcc' : owner === 'supplier';
  const ownerLabel = ownerLabelFor(owner, r.kind);
  return { kind, owner, ownerLabel, summary, action, readerActs, triage };
}

/** MEHRS section 4: the MCC triages every failure of an installation with a Dormant Meter. */
function triage(ctx: FailureContext): NextMove {
  const r = reader(ctx);
  if (ctx.installationType === 'dormant-dormant') {
    const action = `Triage the failure (MEHRS 4.1): weigh its reason, the attempts so far and what the SMSO can do, and if suitable reschedule the installation into a later Migration Week and tell the Responsible Supplier(s) the failed step.`;
    return party('mcc-triage-4.1', action, r, 'mehrs-4.1');
  }
  if (r.kind === 'supplier') {
    return party(
      'mcc-triage-4.2',
      'The Migration Control Centre triages this failure (MEHRS 4.2) and will liaise with you; when it asks, include the installation in a Migration Authorisation for a later Migration Week.',
      r,
      'mehrs-4.2',
    );
  }
  const action = `Triage the failure (MEHRS 4.2): weigh its reason, the attempts so far and what the SMSO can do, then liaise with the Active Supplier, who includes the installation in a later Migration Week.`;
  return party('mcc-triage-4.2', action, r, 'mehrs-4.2');
}

function reschedule(ctx: FailureContext, fix: string | null): NextMove {
  if (ctx.installationType !== 'active-only') return triage(ctx);
  const r = reader(ctx);
  const base = fix ?? 'Add the installation to a Migration Authorisation for a subsequent Migration Week.';
  if (!ctx.splitSupply) return party('supplier-reschedule', base, r);
  if (r.kind === 'supplier') {
    return {
      ...party(
        'supplier-reschedule',
        `${base} As a split supply it migrates only in ${DESIGNATED_WEEK}: authorise ${keysOf(r.fuels)} for that week.`,
        r,
      ),
    };
  }
  return {
    ...party(
      'supplier-reschedule',
      `${base} As a split supply, both suppliers authorise their meters for ${DESIGNATED_WEEK}.`,
      r,
    ),
    ownerLabel: BOTH,
  };
}

function authorisingParty(
  ctx: FailureContext,
  submittedBy: 'supplier' | 'dcc',
  fix: string | null,
): NextMove {
  const r = reader(ctx);
  if (submittedBy === 'dcc') {
    return party(
      'mcc-dcc-ma',
      `The DCC's own Migration Authorisation failed this check, so no supplier has an action (MEHRS 2.3.2): correct the DCC authorisation and reschedule the installation (MEHRS ${ctx.installationType === 'dormant-dormant' ? '4.1' : '4.2'}).`,
      r,
      ctx.installationType === 'dormant-dormant' ? 'mehrs-4.1' : 'mehrs-4.2',
    );
  }
  const action =
    fix ??
    'Correct the Migration Authorisation and resubmit it for a subsequent Migration Week (MEHRS 2.3.2).';
  if (r.kind === 'supplier' && ctx.splitSupply && r.authoredFailingMa === false) {
    return {
      ...party(
        'supplier-resubmit-ma',
        `The other Active Supplier's Migration Authorisation was rejected and it must resubmit it. Your part: authorise ${keysOf(r.fuels)} for ${DESIGNATED_WEEK}.`,
        r,
      ),
      ownerLabel: 'The other Active Supplier',
      readerActs: false,
    };
  }
  return party('supplier-resubmit-ma', action, r);
}

function splitSupply(ctx: FailureContext): NextMove {
  // A split supply has two Active meters; with a Dormant Meter MEHRS section 4 applies whatever the code says.
  if (ctx.installationType !== 'active-only') return triage(ctx);
  const r = reader(ctx);
  if (r.kind === 'mcc') {
    return {
      ...party(
        'supplier-split-supply-week',
        `One Active Supplier's Migration Authorisation did not arrive in the designated split-supply week, so the installation could not migrate; the MCC is not responsible (MAM v4). Both suppliers authorise their meters for ${DESIGNATED_WEEK}.`,
        r,
      ),
      ownerLabel: BOTH,
    };
  }
  const mine = keysOf(r.fuels);
  const action =
    r.authoredFailingMa === true
      ? `Your Migration Authorisation arrived, but the other Active Supplier's did not arrive for the same designated week, so the installation could not migrate (MAM v4). Authorise ${mine} again for ${DESIGNATED_WEEK}; nothing in your authorisation needs correcting.`
      : r.authoredFailingMa === false
        ? `No Migration Authorisation of yours for ${mine} arrived in the designated split-supply week, so the installation could not migrate (MAM v4). Include ${mine} in a Migration Authorisation for ${DESIGNATED_WEEK}.`
        : `The installation migrates only when both Active Suppliers authorise it for the same designated week (MAM v4); Report 6 shows whether your authorisation arrived. Authorise ${mine} for ${DESIGNATED_WEEK}.`;
  return party('supplier-split-supply-week', action, r);
}

function changeOfSupplier(ctx: FailureContext, fuel: Fuel): NextMove {
  // MEHRS 4.2: on an installation that still has a Dormant Meter the MCC liaises with the (new) Active Supplier.
  if (ctx.installationType !== 'active-only') return triage(ctx);
  const r = reader(ctx);
  const key = KEY[fuel];
  const week = ctx.splitSupply ? DESIGNATED_WEEK : 'a subsequent Migration Week';
  if (r.kind === 'mcc') {
    return {
      ...party(
        'supplier-change-of-supplier',
        `The ${key} changed supplier after the Migration Authorisation (seed 000 4.3.2): its new Active Supplier authorises it for ${week}.`,
        r,
      ),
      ownerLabel: `The ${key}'s new Active Supplier`,
    };
  }
  if (r.fuels.includes(fuel)) {
    return party(
      'supplier-change-of-supplier',
      `You became the Active Supplier for the ${key} after the earlier supplier's Migration Authorisation: authorise ${keysOf(r.fuels)} for ${week}.`,
      r,
    );
  }
  if (r.authoredFailingMa === true) {
    return party(
      'supplier-change-of-supplier',
      `Your Migration Authorisation named the ${key}, which another supplier now supplies: leave it out and authorise ${keysOf(r.fuels)} only, for ${week}.`,
      r,
    );
  }
  return party(
    'supplier-change-of-supplier',
    `The ${key} changed supplier after its Migration Authorisation and its new supplier must authorise it. Your part: authorise ${keysOf(r.fuels)} for ${week}.`,
    r,
  );
}

function outOfScope(ctx: FailureContext): NextMove {
  const r = reader(ctx);
  if (r.kind === 'mcc') {
    return party(
      'supplier-duis',
      'The Responsible Supplier commissions this installation itself, so MEHRS 2.7 does not apply (MEHRS 1.3): it handles the response under the DUIS Error Handling Strategy.',
      r,
    );
  }
  return party(
    'supplier-duis',
    'You commission this installation yourself, so MEHRS 2.7 does not apply (MEHRS 1.3): handle the response under the DUIS Error Handling Strategy and resubmit the Commissioning Request.',
    r,
  );
}

/** The move for the context's reader. `fix` is the remedy of the failure (null when there is none). */
export function nextMoveFor(move: Move, ctx: FailureContext, fix: string | null): NextMove {
  switch (move.kind) {
    case 'authorising-party':
      return authorisingParty(ctx, move.submittedBy, fix);
    case 'reschedule':
      return reschedule(ctx, fix);
    case 'party':
      return party(move.moveKind, move.action, reader(ctx));
    case 'split-supply':
      return splitSupply(ctx);
    case 'change-of-supplier':
      return changeOfSupplier(ctx, move.fuel);
    case 'out-of-scope':
      return outOfScope(ctx);
  }
}
