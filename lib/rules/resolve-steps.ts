/**
 * The building blocks of the failure resolver (resolve.ts): what a FailedStepNumber, a linked Incident or a
 * rollback sub-case decide. Sources: MEHRS v1.2 2.4.5, 2.5.1–2.5.10, 2.6.2–2.6.6, 2.7.3/2.7.5/2.7.7; TMAD
 * references as MEHRS names them (codes.ts TMAD_STEP_REFERENCES); MEHRS v3.0 conclusions 4.4 (GroupID DA).
 */
import { tmadStepReference } from './codes';
import type { Move } from './resolve-moves';
import type {
  Decision,
  FailureContext,
  FailureEvent,
  Fuel,
  IncidentOutcome,
  ResolvedSection,
} from './resolve-types';
import type { StageId } from './types';

/** What a code resolves to before it is written for the reader. */
export interface Core {
  readonly section: ResolvedSection;
  readonly move: Move;
  readonly fix: string | null;
  readonly title?: string;
  readonly incident?: IncidentOutcome;
  readonly decidedBy?: Decision;
  readonly anomalies?: readonly string[];
  readonly stage?: StageId | null;
}

/** Which meter a reason code is about (Appendix A.1 wording: "at MPAN", "for the ESME", …). */
export const CODE_FUEL: Readonly<Record<string, Fuel>> = {
  MA001: 'electricity',
  MA007: 'electricity',
  MA010: 'electricity',
  MA102: 'electricity',
  MA104: 'electricity',
  MA002: 'gas',
  MA008: 'gas',
  MA011: 'gas',
  MA103: 'gas',
  MA105: 'gas',
};

/** Checks only a supplier's MA can fail (MEHRS 2.3.2, Table A.1: "Supplier is not…", certificates). */
export const SUPPLIER_ONLY = new Set(['MA007', 'MA008', 'MA009', 'MA010', 'MA011', 'MA018']);

// MA101/MA116/5.24/5.18: the incident that held the installation until its MA lapsed or its window closed.
export const MA101_CANDIDATES = [
  '2.4.1',
  '2.4.2',
  '2.4.3',
  '2.4.4',
  '2.5.1',
  '2.5.4',
  '2.5.6',
  '2.5.7',
  '2.5.9',
  '2.5.10',
];
export const MA116_CANDIDATES = ['2.4.3', '2.4.2', '2.4.4'];
const S1SP_WINDOW_CANDIDATES = ['2.5.1', '2.5.2', '2.5.4', '2.5.5', '2.5.6', '2.5.7', '2.5.9'];
const DCO_WINDOW_CANDIDATES = ['2.5.7', '2.5.10'];

export function linked(event: FailureEvent, candidates: readonly string[]): string | null {
  const s = event.linkedIncidentScenario?.trim().replace(/^MEHRS\s+/i, '');
  return s && candidates.includes(s) ? s : null;
}

export function decision(
  fact: Decision['fact'],
  value: string | null,
  candidates: readonly string[],
  explanation: string,
): Decision {
  return { fact, value, candidates: candidates as readonly ResolvedSection[], explanation };
}

/** A failure held up by an Incident (MA101, MA116, FSN 5.24/5.18): the linked Incident decides the scenario. */
export function byLinkedIncident(
  event: FailureEvent,
  candidates: readonly string[],
  fix: string,
  fallback: ResolvedSection,
): Core {
  const found = linked(event, candidates);
  const explanation = found
    ? `The installation was held up by the MEHRS ${found} Incident until it could no longer be processed.`
    : 'No Incident or SMSO communication is linked to this failure, so no section 2 scenario applies to it.';
  return {
    section: (found as ResolvedSection | null) ?? fallback,
    move: { kind: 'reschedule' },
    fix,
    decidedBy: decision('linked-incident', found, candidates, explanation),
  };
}

export const RESCHEDULE =
  'Add the installation to a Migration Authorisation for a subsequent Migration Week.';
export const SMETS2 =
  'Check the FailedStepNumber in the Commissioning Outcome File and Report 2, and consider replacing the installation with SMETS2+.';

/** A TMAD FailedStepNumber (MCVF, SCF or COF) decides the scenario (MEHRS 2.4.5, 2.5.8–2.5.10, 2.6.x, 2.7.x). */
export function byFailedStep(step: string, event: FailureEvent, ctx: FailureContext): Core | null {
  const ref = tmadStepReference(step)?.ref;
  const fix = tmadStepReference(step)?.supplierAction ?? RESCHEDULE;
  const simple = (section: ResolvedSection, move: Move = { kind: 'reschedule' }): Core => ({
    section,
    move,
    fix,
  });
  switch (ref) {
    case '5.10':
      return simple('2.4.5');
    case '5.12':
    case '5.12.(c)':
      return simple('2.5.3');
    case '5.15':
      return simple('2.5.10');
    case '5.16':
      return simple('2.6.4');
    case '5.23':
      return simple('2.5.9');
    case '5.24':
      return byLinkedIncident(event, S1SP_WINDOW_CANDIDATES, RESCHEDULE, 'undetermined');
    case '5.18':
      return byLinkedIncident(event, DCO_WINDOW_CANDIDATES, RESCHEDULE, 'undetermined');
    case '5.25':
      return requiredFileSet(ctx);
    case '6.3':
      return commissioningStep(event);
    case '12.9.1':
      return simple('2.6.2');
    case '12.9.5':
      return chfNotCommissioned();
    case '12.9':
      return simple('2.6.3');
    default:
      return null;
  }
}

/** MEHRS 2.5.8: CB → the MCC raises a Service Request on the RP; DA → the RP resubmits in a new MCF (seed 000 4.4). */
function requiredFileSet(ctx: FailureContext): Core {
  if (ctx.groupId === 'CB') {
    return {
      section: '2.5.8',
      fix: null,
      move: {
        kind: 'party',
        moveKind: 'mcc-service-request',
        action:
          'Raise a Service Request on the Requesting Party, which resubmits the installation in a new Migration Common File without the 7-day communications check (MEHRS 2.5.8, GroupID CB).',
      },
    };
  }
  if (ctx.groupId === 'DA') {
    return {
      section: '2.5.8',
      fix: null,
      move: {
        kind: 'party',
        moveKind: 'rp-new-mcf',
        action:
          'The Requesting Party resubmits the installation in a new Migration Common File (MEHRS v3.0 conclusions 4.4, GroupID DA).',
      },
    };
  }
  return { section: '2.5.8', move: { kind: 'reschedule' }, fix: RESCHEDULE };
}

/** TMAD Table 6.3 in the COF: which party rejected decides (MEHRS 2.7.5 DSP, 2.7.7 S1SP, 2.7.3 CP's check). */
function commissioningStep(event: FailureEvent): Core {
  const by = event.raisedBy ?? null;
  const section: ResolvedSection =
    by === 'dsp' ? '2.7.5' : by === 's1sp' ? '2.7.7' : by === 'cp' ? '2.7.3' : 'undetermined';
  return {
    section,
    move: { kind: 'reschedule' },
    fix: SMETS2,
    decidedBy: decision(
      'raised-by',
      by,
      ['2.7.5', '2.7.7', '2.7.3'],
      "A DSP Service Response is 2.7.5, an S1SP Alert 2.7.7, the Commissioning Party's SCF-against-MCF check 2.7.3.",
    ),
  };
}

/** MEHRS 2.6.6: the S1SP resolves the CHF Incident; unresolved, the installation is rolled back. */
export function chfNotCommissioned(): Core {
  return {
    section: '2.6.6',
    fix: null,
    move: {
      kind: 'party',
      moveKind: 's1sp-chf-incident',
      action:
        "The S1SP resolves the Incident and processes the backlog; if it cannot be resolved, the installation is rolled back under its GroupID's TMAD rules (MEHRS 2.6.6).",
    },
  };
}

/** MEHRS 2.6.5: an Incident only when key deletion failed; WAN not restored (MA121) raises none. */
export function rollback(event: FailureEvent, fix: string | null): Core {
  const sub = event.rollbackSubCase ?? 'wan-not-restored';
  const incident: IncidentOutcome =
    sub === 'key-deletion-failed'
      ? {
          kind: 'incident',
          raisedBy: [event.keyDeletionFailedBy ?? 's1sp'],
          owner: event.keyDeletionFailedBy ?? 's1sp',
          managedBy: 'mcc',
        }
      : {
          kind: 'none',
          why: 'MEHRS 2.6.5: WAN not restored after rollback raises no Incident; the S1SP reports the error codes in the SCF.',
        };
  return {
    section: '2.6.5',
    move: { kind: 'reschedule' },
    fix,
    incident,
    decidedBy: decision(
      'rollback-sub-case',
      sub,
      ['2.6.5'],
      'Only a failure to delete keys raises an Incident (assigned to the S1SP or DCO that failed); WAN not restored does not.',
    ),
  };
}
