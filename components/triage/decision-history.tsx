import { LondonTime } from '@/components/ui/london-time';
import { SectionCard } from '@/components/ui/section-card';
import type { TriageHistoryEntry } from '@/lib/data/triage';
import { formatIsoDate, inSentence } from '@/lib/format';
import { TRIAGE_DECISION_LABELS } from '@/lib/rules/triage';

/** Every decision on the installation, oldest first: superseded ones stay, marked as such (append-only). */
export function DecisionHistory({ entries }: { entries: readonly TriageHistoryEntry[] }) {
  const superseded = new Set(entries.map((e) => e.supersedesId).filter((id) => id !== null));
  return (
    <SectionCard title="Decisions" testId="triage-history">
      {entries.length === 0 ? (
        <p className="empty-state">No decision has been recorded for this installation.</p>
      ) : (
        <ol className="timeline">
          {entries.map((e) => (
            <li key={e.id}>
              <LondonTime iso={e.decidedAt} /> · <strong>{TRIAGE_DECISION_LABELS[e.decision]}</strong>
              {e.rescheduledWeek ? ` into the week of ${formatIsoDate(e.rescheduledWeek)}` : ''} by{' '}
              {e.decidedBy ?? 'an analyst'}
              {e.attempt !== null ? ` (attempt ${e.attempt})` : ''}
              {superseded.has(e.id) ? <span className="muted"> · superseded</span> : null}
              {e.advice && e.advice !== e.decision ? (
                <div>
                  Overruled the advice ({inSentence(TRIAGE_DECISION_LABELS[e.advice])}): {e.overruleReason}
                </div>
              ) : null}
              <div className="muted">{e.reason}</div>
              {e.supplierVisible ? (
                <div className="muted">The note is visible to the supplier(s).</div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
