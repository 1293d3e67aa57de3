/**
 * Types of the failure resolver (resolve.ts): one failure event in, exactly one scenario, incident outcome and
 * next move out. The decision table is docs/domain.md "Resolving a failure".
 */
import type { NextMoveKind } from './next-moves';
import type { ScenarioSection } from './scenarios';
import type { GroupId, InstallationType, MeterState, PartyRole, StageId } from './types';

export const FUELS = ['electricity', 'gas'] as const;
/** Electricity is the MPAN / ESME side, gas the MPRN / GSME side. */
export type Fuel = (typeof FUELS)[number];

/**
 * Where MEHRS section 2 has no scenario for a failure:
 * - 'A.1': the code exists only in MEHRS Appendix A.1 (e.g. MA104 change of supplier, MA109 CPL, MA117 blocked);
 * - 'MAM-split-supply': MA106, the MAM v4 split-supply rule (MEHRS v5.0 conclusions, section 5);
 * - 'out-of-scope': a commissioning response for an installation the Commissioning Party does not commission
 *   (MEHRS 1.3, 2.7 introduction: the supplier's own DUIS error handling applies);
 * - 'undetermined': the fact that decides between MEHRS scenarios is not known (see `decidedBy`).
 */
export const PSEUDO_SCENARIOS = ['A.1', 'MAM-split-supply', 'out-of-scope', 'undetermined'] as const;
export type PseudoScenario = (typeof PSEUDO_SCENARIOS)[number];
export type ResolvedSection = ScenarioSection | PseudoScenario;

/** MEHRS 2.6.5: an Incident only when key deletion fails; WAN not restored (MA121) raises none. */
export const ROLLBACK_SUB_CASES = ['key-deletion-failed', 'wan-not-restored'] as const;
export type RollbackSubCase = (typeof ROLLBACK_SUB_CASES)[number];

/** What happened: one failure of one attempt, with the facts that decide its scenario. */
export interface FailureEvent {
  /** Reason code (MAxxx), error code (12.9.1.ET01, DSP/S1SP code), or a FailedStepNumber given as the code. */
  readonly code: string | null;
  /** TMAD FailedStepNumber beside the code (MCVF, SCF, COF; Report 2). */
  readonly failedStepNumber?: string | null;
  /** The stage the failure was recorded at. */
  readonly stage?: StageId | null;
  /** The party that rejected or reported it (TMAD 6.3: 'dsp' / 's1sp' / 'cp'; MA116: 's1sp' / 'rp' / 'dco'). */
  readonly raisedBy?: PartyRole | null;
  /** Who sent the failing Migration Authorisation (MEHRS 2.3.2: a supplier, or the DCC for a Dormant Meter). */
  readonly submittedBy?: 'supplier' | 'dcc' | null;
  /** MEHRS section of the Incident (or 2.5.2 communication) that held the installation up, if any. */
  readonly linkedIncidentScenario?: string | null;
  /** An SMSO/CSP "cannot migrate any installation" communication was open (MEHRS 2.5.2). */
  readonly smsoCommunicationOpen?: boolean | null;
  readonly rollbackSubCase?: RollbackSubCase | null;
  /** MEHRS 2.6.5: the Incident is assigned to whichever of the S1SP or DCO failed to delete keys. */
  readonly keyDeletionFailedBy?: 's1sp' | 'dco' | null;
  /** The Commissioning Request name (MEHRS 2.7.5/2.7.7 'Request Handover Of DCC Controlled Device'). */
  readonly requestName?: string | null;
}

/** Who is reading: the move is written for them (a supplier sees its own side of a split supply). */
export type Reader =
  | { readonly kind: 'mcc' }
  | {
      readonly kind: 'supplier';
      /** The meters of this installation the reader is the Active Supplier for. */
      readonly fuels: readonly Fuel[];
      /** Whether the failing MA was the reader's own (null: not known). */
      readonly authoredFailingMa?: boolean | null;
    };

/** The installation the event happened to. */
export interface FailureContext {
  readonly groupId: GroupId;
  readonly installationType: InstallationType;
  /** Each meter's state; null when the installation has no such meter, undefined when not known. */
  readonly electricity?: MeterState | null;
  readonly gas?: MeterState | null;
  readonly splitSupply?: boolean;
  /** ToBeCommissionedByDCC: with a Dormant Meter, this decides whether the Commissioning Party commissions it. */
  readonly toBeCommissionedByDcc?: boolean;
  /** Defaults to the MCC. */
  readonly reader?: Reader;
}

export type IncidentOutcome =
  | { readonly kind: 'none'; readonly why: string }
  | {
      readonly kind: 'incident';
      readonly raisedBy: readonly PartyRole[];
      readonly owner: PartyRole;
      /** MEHRS 2.1: every migration Incident is managed by the MCC. */
      readonly managedBy: 'mcc';
    }
  | { readonly kind: 'communication'; readonly from: readonly PartyRole[] }
  | { readonly kind: 'service-request'; readonly raisedBy: 'mcc'; readonly on: 'rp' };

/** MEHRS section 4: which triage applies when the next move is the MCC's. */
export type TriageRoute = 'mehrs-4.1' | 'mehrs-4.2' | null;

export interface NextMove {
  /** Which move it is (next-moves.ts): what the list filters and the overview counts by. */
  readonly kind: NextMoveKind;
  /** The party whose move it is. 'supplier' on a split supply means both Active Suppliers. */
  readonly owner: PartyRole;
  /** The action in a few words, the same for every reader (the list's "Next move" column). */
  readonly summary: string;
  /** The owner as the reader should see it ("You (Responsible Supplier)", "Both Active Suppliers", …). */
  readonly ownerLabel: string;
  /** What the owner does, addressed to the reader. */
  readonly action: string;
  /** The move is the reader's own. */
  readonly readerActs: boolean;
  readonly triage: TriageRoute;
}

export const DECIDING_FACTS = [
  'submitted-by',
  'linked-incident',
  'failed-step-number',
  'raised-by',
  'smso-communication',
  'rollback-sub-case',
  'commissioning-party',
  'request-name',
  'meter-state',
  'installation-type',
] as const;
export type DecidingFact = (typeof DECIDING_FACTS)[number];

/** Where MEHRS leaves more than one possibility: the fact that decided, and the possibilities it decided between. */
export interface Decision {
  readonly fact: DecidingFact;
  /** The fact's value as used ("dcc", "2.4.3", "12.9.1.ET01"), or null when it was not known. */
  readonly value: string | null;
  readonly candidates: readonly ResolvedSection[];
  readonly explanation: string;
}

export interface FailureResolution {
  readonly code: string | null;
  readonly failedStepNumber: string | null;
  readonly section: ResolvedSection;
  /** "MEHRS 2.6.2", "MEHRS Appendix A.1", "MAM v4 split supply", "MEHRS 1.3". */
  readonly citation: string;
  readonly title: string;
  /** The stage the resolved scenario belongs to (MA115 is sim-cutover under 2.5.8). */
  readonly stage: StageId | null;
  readonly incident: IncidentOutcome;
  readonly nextMove: NextMove;
  /** The remedy of the failure itself, whoever carries it out; null when there is nothing to fix. */
  readonly fix: string | null;
  readonly decidedBy: Decision | null;
  /** Facts that contradict the code (e.g. MA521 outside GroupID DA); empty when consistent. */
  readonly anomalies: readonly string[];
}
