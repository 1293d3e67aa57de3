/**
 * One failure event → exactly one MEHRS scenario, its incident outcome and the next move for the reader.
 * The decision table (code × deciding fact) is docs/domain.md "Resolving a failure"; sources: MEHRS v1.2
 * section 2 and Appendix A.1, MEHRS v3.0 conclusions 4.3.2/4.4 (MA1xx as later MA0xx checks, GroupID DA),
 * MEHRS v5.0 conclusions section 5 (MAM v4 split supply).
 */
import { errorCode, isFailedStepNumber, reasonCode } from './codes';
import { errorCore, reasonCore } from './resolve-codes';
import { nextMoveFor } from './resolve-moves';
import { byFailedStep, type Core, decision } from './resolve-steps';
import type {
  FailureContext,
  FailureEvent,
  FailureResolution,
  IncidentOutcome,
  PseudoScenario,
} from './resolve-types';
import { type Scenario, scenario as scenarioOf } from './scenarios';
import type { GroupId } from './types';

export * from './resolve-types';

const PSEUDO_TITLES: Record<PseudoScenario, string> = {
  'A.1': 'No MEHRS section 2 scenario: reason code of Appendix A.1',
  'MAM-split-supply': 'Split supply: the other Active Supplier did not authorise the designated week',
  'out-of-scope': 'Outside MEHRS: the supplier commissions this installation itself',
  undetermined: 'Scenario not determined: the deciding fact is not known',
};
const PSEUDO_CITATIONS: Record<PseudoScenario, string> = {
  'A.1': 'MEHRS Appendix A.1',
  'MAM-split-supply': 'MAM v4 split supply (MEHRS v5.0 conclusions, section 5)',
  'out-of-scope': 'MEHRS 1.3',
  undetermined: 'MEHRS section 2',
};

function incidentOf(s: Scenario, groupId: GroupId): IncidentOutcome {
  const variant = s.variants?.find((v) => v.groupId === groupId);
  const handling = variant?.handling ?? s.handling;
  const raisedBy = variant?.raisedBy ?? s.raisedBy;
  const owner = variant?.owner === undefined ? s.owner : variant.owner;
  switch (handling) {
    case 'incident':
      return owner ? { kind: 'incident', raisedBy, owner, managedBy: 'mcc' } : { kind: 'none', why: s.title };
    case 'communication':
      return { kind: 'communication', from: raisedBy };
    case 'service-request':
      return { kind: 'service-request', raisedBy: 'mcc', on: 'rp' };
    case 'none':
      return { kind: 'none', why: 'An installation-level failure: reported in the files and reports only.' };
  }
}

/** A FailedStepNumber beside the code; an error code given as the step (12.9.1.ET01) counts as its scenario. */
function stepCore(step: string, event: FailureEvent, ctx: FailureContext): Core | null {
  return errorCode(step) ? errorCore(step, event, ctx) : byFailedStep(step, event, ctx);
}

function coreOf(event: FailureEvent, ctx: FailureContext): Core {
  const code = event.code?.trim().toUpperCase() || null;
  const step = event.failedStepNumber?.trim() || null;
  if (code && reasonCode(code)) return reasonCore(code, event, ctx, step ? stepCore(step, event, ctx) : null);
  if (code) {
    const error = errorCore(code, event, ctx);
    if (error) return error;
  }
  const asStep = step ?? (code && isFailedStepNumber(code) ? code : null);
  const byStep = asStep ? stepCore(asStep, event, ctx) : null;
  if (byStep) return byStep;
  return {
    section: 'undetermined',
    move: { kind: 'reschedule' },
    fix: null,
    decidedBy: decision(
      'failed-step-number',
      asStep,
      [],
      'The code is not in MEHRS Appendix A.1 or the error code tables.',
    ),
  };
}

/**
 * Resolve one failure event to exactly one MEHRS scenario (or a pseudo-scenario where section 2 has none),
 * whether it raises an Incident, and the next move for the context's reader.
 */
export function resolveFailure(event: FailureEvent, ctx: FailureContext): FailureResolution {
  const core = coreOf(event, ctx);
  const s = core.section in PSEUDO_TITLES ? undefined : scenarioOf(core.section);
  const incident =
    core.incident ??
    (s
      ? incidentOf(s, ctx.groupId)
      : { kind: 'none', why: 'No MEHRS section 2 scenario raises an Incident for it.' });
  return {
    code: event.code?.trim() || null,
    failedStepNumber: event.failedStepNumber?.trim() || null,
    section: core.section,
    citation: s ? `MEHRS ${s.section}` : PSEUDO_CITATIONS[core.section as PseudoScenario],
    title: core.title ?? s?.title ?? PSEUDO_TITLES[core.section as PseudoScenario],
    stage: core.stage ?? s?.stage ?? event.stage ?? null,
    incident,
    nextMove: nextMoveFor(core.move, ctx, core.fix),
    fix: core.fix,
    decidedBy: core.decidedBy ?? null,
    anomalies: core.anomalies ?? [],
  };
}
