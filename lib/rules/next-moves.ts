/**
 * The kinds of next move a failure can have, each with its owning party and a short action: what the list's "Next
 * move" column shows, what the `move` and `owner` filters select, and what the overview counts. resolve-moves.ts
 * writes the full action for the reader; this is the one-line version, the same for every reader.
 * Sources: MEHRS 2.3.2 (who resubmits), 2.5.8 (GroupID CB/DA), 2.6.6 (CHF), 2.7.5/2.7.7 (handover), section 4
 * (dormant triage), MEHRS 1.3 (out of scope), MAM v4 (split supply).
 */
import { PARTY_ROLE_LABELS, type PartyRole } from './types';

export const NEXT_MOVE_KINDS = {
  'supplier-resubmit-ma': { owner: 'supplier', summary: 'Correct and resubmit the Migration Authorisation' },
  'supplier-reschedule': { owner: 'supplier', summary: 'Authorise again for a later Migration Week' },
  'supplier-split-supply-week': {
    owner: 'supplier',
    summary: 'Authorise for the designated split-supply week',
  },
  'supplier-change-of-supplier': {
    owner: 'supplier',
    summary: "The meter's new Active Supplier authorises it",
  },
  'supplier-duis': { owner: 'supplier', summary: 'Handle under the DUIS Error Handling Strategy' },
  'mcc-triage-4.1': { owner: 'mcc', summary: 'Triage and reschedule (MEHRS 4.1)' },
  'mcc-triage-4.2': { owner: 'mcc', summary: 'Triage with the Active Supplier (MEHRS 4.2)' },
  'mcc-dcc-ma': { owner: 'mcc', summary: "Correct the DCC's Migration Authorisation" },
  'mcc-service-request': { owner: 'mcc', summary: 'Raise a Service Request on the Requesting Party' },
  'rp-new-mcf': { owner: 'rp', summary: 'Resubmit in a new Migration Common File' },
  's1sp-chf-incident': { owner: 's1sp', summary: 'Resolve the CHF incident' },
  'cp-resubmit-request': { owner: 'cp', summary: 'Resubmit the Commissioning Request' },
} as const satisfies Record<string, { owner: PartyRole; summary: string }>;

export type NextMoveKind = keyof typeof NEXT_MOVE_KINDS;
export const NEXT_MOVE_KIND_IDS = Object.keys(NEXT_MOVE_KINDS) as NextMoveKind[];

/** The parties that can own a next move, in the order the overview lists them. */
export const NEXT_MOVE_OWNERS = [
  'supplier',
  'mcc',
  'rp',
  's1sp',
  'cp',
] as const satisfies readonly PartyRole[];
export type NextMoveOwner = (typeof NEXT_MOVE_OWNERS)[number];

export function nextMoveKindsOwnedBy(owner: NextMoveOwner): NextMoveKind[] {
  return NEXT_MOVE_KIND_IDS.filter((k) => NEXT_MOVE_KINDS[k].owner === owner);
}

/** The owner as a reader sees it: a supplier reads its own moves as "You (Responsible Supplier)". */
export function ownerLabelFor(owner: PartyRole, reader: 'mcc' | 'supplier'): string {
  return reader === 'supplier' && owner === 'supplier'
    ? 'You (Responsible Supplier)'
    : PARTY_ROLE_LABELS[owner];
}
