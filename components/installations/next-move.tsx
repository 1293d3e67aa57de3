import type { InstallationTimeline } from '@/lib/data/installations';
import { formatIsoDate, formatLondonDateTime } from '@/lib/format';
import { describeCode } from '@/lib/rules/codes';
import type { DecidingFact, IncidentOutcome } from '@/lib/rules/resolve';
import type { TriageState } from '@/lib/rules/triage-state';
import { PARTY_ROLE_LABELS, type PartyRole } from '@/lib/rules/types';

type LatestFailure = NonNullable<InstallationTimeline['latestFailure']>;

const FACT_LABELS: Record<DecidingFact, string> = {
  'submitted-by': 'who sent the Migration Authorisation',
  'linked-incident': 'the incident that held the installation up',
  'failed-step-number': 'the FailedStepNumber',
  'raised-by': 'the party that rejected it',
  'smso-communication': 'whether an SMSO/CSP communication was open',
  'rollback-sub-case': 'what failed in the rollback',
  'commissioning-party': 'who commissions the installation',
  'request-name': 'the Commissioning Request',
  'meter-state': 'the meter states',
  'installation-type': 'the installation type',
};

function parties(list: readonly PartyRole[]): string {
  return list.length === 0 ? 'the party that finds it' : list.map((p) => PARTY_ROLE_LABELS[p]).join(' or ');
}

function incidentSentence(incident: IncidentOutcome): string {
  switch (incident.kind) {
    case 'none':
      return `No incident is raised. ${incident.why}`;
    case 'incident':
      return `An incident raised by the ${parties(incident.raisedBy)}, owned by the ${PARTY_ROLE_LABELS[incident.owner]} and managed by the Migration Control Centre.`;
    case 'communication':
      return `No incident: the ${parties(incident.from)} sends a communication that the Migration Control Centre passes to all Interested Parties.`;
    case 'service-request':
      return 'No incident: the Migration Control Centre raises a Service Request on the Requesting Party.';
  }
}

function triageSentence(state: TriageState): string | null {
  if (state.kind !== 'decided') return null;
  const d = state.decision;
  return `Triage decision of ${formatLondonDateTime(d.decidedAt)}: ${d.decision.replaceAll('-', ' ')}${
    d.rescheduledWeek ? ` into the week of ${formatIsoDate(d.rescheduledWeek)}` : ''
  }. ${d.reason}`;
}

/** The latest failure resolved to one MEHRS scenario, and the one next move, written for the reader. */
export function NextMove({ failure, triage }: { failure: LatestFailure | null; triage: TriageState }) {
  if (!failure) return null;
  const code = failure.code ? describeCode(failure.code) : null;
  const move = failure.nextMove;
  const decided = move.triage ? triageSentence(triage) : null;
  return (
    <section className="card" aria-labelledby="next-move">
      <h2 id="next-move">What happens next</h2>
      <p>
        Attempt {failure.attempt} failed
        {code ? (
          <>
            {' '}
            with <code>{code.code}</code>: {code.description}
          </>
        ) : null}
        {failure.failedStepNumber ? (
          <>
            {' '}
            (FailedStepNumber <code>{failure.failedStepNumber}</code>)
          </>
        ) : null}
        .
      </p>
      <p data-testid="resolved-scenario">
        <strong>{failure.citation}</strong>: <em>{failure.title}</em>.
        {failure.decidedBy ? (
          <>
            {' '}
            Decided by {FACT_LABELS[failure.decidedBy.fact]}: {failure.decidedBy.explanation}
          </>
        ) : null}
      </p>
      <p data-testid="resolved-incident">{incidentSentence(failure.incident)}</p>
      {failure.anomalies.length > 0 ? (
        <p className="muted">Inconsistent with the code: {failure.anomalies.join(' ')}</p>
      ) : null}
      <div className="advice" data-testid="suggested-action">
        <strong data-testid="next-move-owner">Next move: {move.ownerLabel}</strong>
        <p style={{ margin: 0 }} data-testid="next-move-action">
          {decided ?? move.action}
        </p>
        {move.readerActs && move.owner === 'mcc' && failure.fix && !decided ? (
          <p style={{ margin: 0 }} className="muted">
            The remedy the documents give for this failure: {failure.fix}
          </p>
        ) : null}
      </div>
    </section>
  );
}
