import type { DecisionReport } from '@/lib/data/triage-decisions';
import { formatCount } from '@/lib/format';
import { TRIAGE_DECISION_LABELS, TRIAGE_OUTCOMES, type TriageOutcome } from '@/lib/rules/triage';

const OUTCOME_LABELS: Record<TriageOutcome, string> = {
  done: 'Done',
  skipped: 'Skipped (already decided)',
  refused: 'Refused (not eligible)',
};

/** What a decision did, per installation: done, skipped or refused, with why. */
export function DecisionReportView({ report }: { report: DecisionReport }) {
  const by = (outcome: TriageOutcome) => report.items.filter((i) => i.outcome === outcome);
  return (
    <div className="advice" data-testid="decision-report">
      <p>
        <strong>{TRIAGE_DECISION_LABELS[report.decision]}</strong>
        {report.replayed ? ' (this submission had already been applied; nothing more was changed)' : ''}:{' '}
        {TRIAGE_OUTCOMES.map((o) => `${OUTCOME_LABELS[o]} ${formatCount(by(o).length)}`).join(' · ')}
      </p>
      {(['skipped', 'refused'] as const).map((outcome) =>
        by(outcome).length ? (
          <details key={outcome} open={by(outcome).length <= 10}>
            <summary>{OUTCOME_LABELS[outcome]}</summary>
            <ul>
              {by(outcome).map((i) => (
                <li key={i.installationId}>
                  <span className="mono">{i.label}</span>: {i.why}
                </li>
              ))}
            </ul>
          </details>
        ) : null,
      )}
    </div>
  );
}
