/**
 * Reason codes and error codes → the resolver's core decision (resolve.ts). Sources: MEHRS v1.2 2.3.2 and
 * Appendix A.1; MEHRS v3.0 conclusions 4.3.2 (MA1xx are MA0xx checks made later; MA521/MA523 GroupID DA);
 * MEHRS 2.5.2/2.5.3/3.2 (MA118–MA120); MEHRS 2.6.5/2.6.6 (MA121); MEHRS 2.7.5/2.7.7 (commissioning codes).
 */
import { errorCode, isHandoverRequest, type ReasonCodeEntry, reasonCode } from './codes';
import {
  byLinkedIncident,
  CODE_FUEL,
  type Core,
  chfNotCommissioned,
  decision,
  linked,
  MA101_CANDIDATES,
  MA116_CANDIDATES,
  RESCHEDULE,
  rollback,
  SMETS2,
  SUPPLIER_ONLY,
} from './resolve-steps';
import type { FailureContext, FailureEvent, ResolvedSection } from './resolve-types';
import { SCENARIOS } from './scenarios';

/** MEHRS 2.3.2: the party that sent the MA decides whose move a validation failure is. */
function submitter(code: string, event: FailureEvent, ctx: FailureContext): 'supplier' | 'dcc' {
  if (event.submittedBy) return event.submittedBy;
  if (SUPPLIER_ONLY.has(code)) return 'supplier';
  const fuel = CODE_FUEL[code];
  const state = fuel === 'electricity' ? ctx.electricity : fuel === 'gas' ? ctx.gas : undefined;
  if (state === 'dormant' || ctx.installationType === 'dormant-dormant') return 'dcc';
  return 'supplier';
}

const BLOCKED_FIX =
  'Find out from the SMSO why the installation is blocked and authorise it again once it is unblocked.';

/** MA001–MA018 (MEHRS 2.3.2): no Incident; the MA's sender resubmits, a DCC MA is the MCC's (section 4). */
function initialCore(entry: ReasonCodeEntry, event: FailureEvent, ctx: FailureContext): Core {
  const code = entry.code;
  const anomalies: string[] = [];
  if (entry.dormantOnly) {
    if (event.submittedBy === 'supplier' || ctx.installationType === 'active-only') {
      anomalies.push(
        `${code} is only relevant for Dormant Meter Migrations (MEHRS 2.3.2)${code === 'MA017' ? '; an Active installation blocked later fails MA117' : ''}.`,
      );
    }
    if (code === 'MA012') {
      return {
        section: '2.3.2',
        move: { kind: 'reschedule' },
        fix: 'The installation has an Active Supplier, who authorises it for a subsequent Migration Week.',
        anomalies,
      };
    }
    if (code === 'MA017')
      return { section: '2.3.2', move: { kind: 'reschedule' }, fix: BLOCKED_FIX, anomalies };
    return {
      section: '2.3.2',
      move: { kind: 'authorising-party', submittedBy: 'dcc' },
      fix: null,
      anomalies,
    };
  }
  const by = submitter(code, event, ctx);
  if (by === 'dcc' && SUPPLIER_ONLY.has(code) && code !== 'MA018') {
    anomalies.push(`${code} is a check of a supplier's Migration Authorisation (MEHRS Appendix A.1).`);
  }
  return {
    section: '2.3.2',
    move: { kind: 'authorising-party', submittedBy: by },
    fix: by === 'supplier' ? entry.supplierAction : null,
    anomalies,
    decidedBy: decision(
      'submitted-by',
      by,
      ['2.3.2'],
      by === 'dcc'
        ? 'The MA came from the DCC for a Dormant Meter: no supplier action; the MCC corrects and reschedules (MEHRS 2.3.2, 4).'
        : 'The MA came from the supplier, which corrects it and resubmits for a subsequent Migration Week (MEHRS 2.3.2).',
    ),
  };
}

/** MEHRS 2.5.2 vs 2.5.3(d): is an SMSO/CSP "cannot migrate any installation" communication open? */
function smsoOrSpecific(code: string, event: FailureEvent, ctx: FailureContext, fix: string | null): Core {
  const open = event.smsoCommunicationOpen === true || linked(event, ['2.5.2']) !== null;
  const anomalies =
    code === 'MA120' && ctx.groupId !== 'CB'
      ? ['MA120 ends the SIM swap retries of GroupID CB only (MEHRS 3.2).']
      : [];
  return {
    section: open ? '2.5.2' : '2.5.3',
    move: { kind: 'reschedule' },
    fix,
    anomalies,
    decidedBy: decision(
      'smso-communication',
      String(open),
      ['2.5.2', '2.5.3'],
      open
        ? 'An SMSO/CSP communication said it could not migrate any installation (MEHRS 2.5.2: a communication, not an Incident).'
        : 'Only this installation failed (MEHRS 2.5.3 (d)).',
    ),
  };
}

/** MA115: the FailedStepNumber (or the rollback sub-case) in the SCF decides (MEHRS 2.5.8, 2.6.2–2.6.6). */
function scfFailure(event: FailureEvent, byStep: Core | null, fix: string | null): Core {
  const candidates = ['2.5.8', '2.6.2', '2.6.3', '2.6.4', '2.6.5', '2.6.6'];
  if (event.rollbackSubCase) return rollback(event, fix);
  if (byStep) {
    return byStep.decidedBy
      ? byStep
      : {
          ...byStep,
          decidedBy: decision(
            'failed-step-number',
            event.failedStepNumber ?? null,
            candidates,
            'The FailedStepNumber in the S1SP Commissioning File names the failed step.',
          ),
        };
  }
  return {
    section: 'undetermined',
    move: { kind: 'reschedule' },
    fix,
    decidedBy: decision(
      'failed-step-number',
      event.failedStepNumber ?? null,
      candidates,
      'MA115 means nothing without the FailedStepNumber in the S1SP Commissioning File (Report 2).',
    ),
  };
}

/** MA116 "No MVF received": the S1SP outage (2.4.3), an MCF rejected whole (2.4.2) or an MCVF rejected whole (2.4.4). */
function noMvf(event: FailureEvent, fix: string | null): Core {
  const found = linked(event, MA116_CANDIDATES);
  const byRaiser: ResolvedSection | null =
    event.raisedBy === 's1sp' ? '2.4.3' : event.raisedBy === 'rp' ? '2.4.4' : null;
  const section = (found as ResolvedSection | null) ?? byRaiser ?? '2.4.3';
  return {
    section,
    move: { kind: 'reschedule' },
    fix,
    decidedBy: decision(
      found ? 'linked-incident' : 'raised-by',
      found ?? event.raisedBy ?? null,
      MA116_CANDIDATES,
      found || byRaiser
        ? 'The Incident (or the party that rejected the file) says why no MVF arrived.'
        : "Nothing says why no MVF arrived; read as the S1SP not producing it (MEHRS 2.4.3), the code's own wording. Assumption.",
    ),
  };
}

const IN_FLIGHT_A1 = new Set(['MA102', 'MA103', 'MA109', 'MA110', 'MA117']);

/** MA101–MA121, MA521, MA523, MA999 (found after validation, reported in the MA Completion Response). */
export function reasonCore(
  code: string,
  event: FailureEvent,
  ctx: FailureContext,
  byStep: Core | null,
): Core {
  const entry = reasonCode(code) as ReasonCodeEntry;
  if (entry.phase === 'initial') return initialCore(entry, event, ctx);
  const fix = entry.supplierAction;
  if (IN_FLIGHT_A1.has(code)) {
    const anomalies =
      code === 'MA117' && !['AA', 'BA', 'CB'].includes(ctx.groupId)
        ? ['MA117 is reported for GroupIDs AA, BA and CB (MEHRS v3.0 conclusions 4.3.2).']
        : [];
    return { section: 'A.1', move: { kind: 'reschedule' }, fix, anomalies };
  }
  switch (code) {
    case 'MA101':
      return byLinkedIncident(event, MA101_CANDIDATES, RESCHEDULE, 'A.1');
    case 'MA104':
    case 'MA105':
      return {
        section: 'A.1',
        move: { kind: 'change-of-supplier', fuel: CODE_FUEL[code] ?? 'electricity' },
        fix: RESCHEDULE,
      };
    case 'MA106':
      return {
        section: 'MAM-split-supply',
        move: { kind: 'split-supply' },
        fix: null,
        anomalies:
          ctx.splitSupply === false
            ? ['MA106 is reported only for split-supply installations (MAM v4).']
            : [],
      };
    case 'MA107':
      return {
        section: 'A.1',
        move: { kind: 'reschedule' },
        fix: 'The installation now has an Active Supplier, who includes it in a Migration Authorisation for a subsequent Migration Week.',
        anomalies:
          ctx.installationType === 'dormant-dormant'
            ? ['MA107 says the installation now has an Active meter.']
            : [],
      };
    case 'MA108':
      return { section: 'A.1', move: { kind: 'authorising-party', submittedBy: 'dcc' }, fix: null };
    case 'MA113':
      return { section: '2.4.5', move: { kind: 'reschedule' }, fix };
    case 'MA115':
      return scfFailure(event, byStep, fix);
    case 'MA116':
      return noMvf(event, fix);
    case 'MA118':
    case 'MA119':
    case 'MA120':
      return smsoOrSpecific(code, event, ctx, fix);
    case 'MA121':
      return linked(event, ['2.6.6'])
        ? {
            section: '2.6.6',
            move: { kind: 'reschedule' },
            fix,
            decidedBy: decision(
              'linked-incident',
              '2.6.6',
              ['2.6.5', '2.6.6'],
              'The 2.6.6 CHF Incident could not be resolved, the installation was rolled back and the SMSO could not resume service.',
            ),
          }
        : rollback(event, fix);
    case 'MA521':
    case 'MA523':
      return {
        section: '2.5.3',
        move: { kind: 'reschedule' },
        fix,
        anomalies:
          ctx.groupId === 'DA'
            ? []
            : [`${code} is a MOC Secure check of GroupID DA (MEHRS v3.0 conclusions 4.3.2).`],
      };
    case 'MA111':
    case 'MA112':
    case 'MA114':
      return { section: '2.5.3', move: { kind: 'reschedule' }, fix };
    default:
      return otherFailure(event, byStep, fix);
  }
}

/** MA999 "Other Failure": the FailedStepNumber, else the linked Incident, else Appendix A.1 only. */
function otherFailure(event: FailureEvent, byStep: Core | null, fix: string | null): Core {
  if (byStep) return byStep;
  const all = SCENARIOS.map((s) => s.section as string);
  const found = linked(event, all);
  return {
    section: (found as ResolvedSection | null) ?? 'A.1',
    move: { kind: 'reschedule' },
    fix,
    decidedBy: decision(
      'linked-incident',
      found,
      [],
      'MA999 carries no scenario of its own: the FailedStepNumber or the linked Incident decides.',
    ),
  };
}

/** Error codes (MEHRS 2.6.2, 2.6.6, 2.7.5, 2.7.7). */
export function errorCore(code: string, event: FailureEvent, ctx: FailureContext): Core | null {
  const entry = errorCode(code);
  if (!entry) return null;
  if (entry.source === 'device-connectivity')
    return { section: '2.6.2', move: { kind: 'reschedule' }, fix: entry.supplierAction };
  if (entry.source === 'chf-commissioning') return chfNotCommissioned();
  const section = entry.section as '2.7.5' | '2.7.7';
  const cpCommissions =
    ctx.installationType !== 'active-only' || (ctx.toBeCommissionedByDcc ?? ctx.splitSupply ?? false);
  const cpDecision = decision(
    'commissioning-party',
    String(cpCommissions),
    [section, 'out-of-scope'],
    'The Commissioning Party commissions installations with a Dormant Meter and split supplies authorised for the same week (ToBeCommissionedByDCC); a supplier commissioning its own installation is outside MEHRS (1.3).',
  );
  if (!cpCommissions)
    return { section: 'out-of-scope', move: { kind: 'out-of-scope' }, fix: null, decidedBy: cpDecision };
  if (isHandoverRequest(entry.requestName ?? event.requestName)) {
    return {
      section,
      fix: null,
      incident: {
        kind: 'none',
        why: `MEHRS ${section}: errors on a 'Request Handover Of DCC Controlled Device' raise no Incident and processing carries on.`,
      },
      move: {
        kind: 'party',
        moveKind: 'cp-resubmit-request',
        action: `${entry.suggestedAction ?? 'Resubmit the Commissioning Request with the correct party.'} No Incident is raised and processing carries on (MEHRS ${section}).`,
      },
      decidedBy: decision(
        'request-name',
        entry.requestName ?? event.requestName ?? null,
        [section],
        'Handover errors raise no Incident (MEHRS 2.7.5, 2.7.7).',
      ),
    };
  }
  return { section, move: { kind: 'reschedule' }, fix: SMETS2, decidedBy: cpDecision };
}
