import crypto from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DecisionForm } from '@/components/triage/decision-form';
import { DecisionHistory } from '@/components/triage/decision-history';
import { SectionCard } from '@/components/ui/section-card';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/viewer';
import { getTriageInstallation, getWeekOptions } from '@/lib/data/triage';
import { formatIsoDate, inSentence, TYPE_LABELS } from '@/lib/format';
import { TRIAGE_DEFAULTS } from '@/lib/rules/config';
import { earliestTriageWeek, TRIAGE_DECISION_LABELS } from '@/lib/rules/triage';

export const metadata: Metadata = { title: 'Triage decision' };

export default async function TriageInstallationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('triage.view');
  const id = Number((await params).id);
  const now = new Date();
  const found = Number.isSafeInteger(id) && id > 0 ? await getTriageInstallation(viewer, id, now) : null;
  if (!found) notFound();
  const { row, awaiting, history } = found;
  const open =
    awaiting || (row.current !== null && row.status !== 'in-progress' && row.status !== 'migrated');
  const weeks = await getWeekOptions(viewer, row.advice.earliestWeek ?? earliestTriageWeek(now));
  return (
    <div className="stack">
      <p>
        <Link href="/triage">← Dormant triage</Link>
      </p>
      <h1>
        Triage <span className="mono">{row.label}</span>
      </h1>
      <SectionCard title="Installation">
        <dl className="facts">
          <dt>MPAN · MPRN</dt>
          <dd className="mono">
            {row.mpan ?? '—'} · {row.mprn ?? '—'}
          </dd>
          <dt>GroupID · SMSO</dt>
          <dd>
            {row.groupId} · {row.smso}
          </dd>
          <dt>Type</dt>
          <dd>{TYPE_LABELS[row.type]}</dd>
          <dt>Last failure</dt>
          <dd>
            {row.lastCode ?? '—'}
            {row.lastFailedStep ? ` at FailedStepNumber ${row.lastFailedStep}` : ''} · {row.failureStage}
            {row.failureMeaning ? `: ${row.failureMeaning}` : ''}
          </dd>
          <dt>Attempts</dt>
          <dd>
            {row.attempts} (exclusion considered from {TRIAGE_DEFAULTS.exclusionReviewAttempts}, an
            assumption)
          </dd>
          <dt>Migration Week</dt>
          <dd>{row.lastMigrationWeek ? formatIsoDate(row.lastMigrationWeek) : '—'}</dd>
          <dt>Timeline</dt>
          <dd>
            <Link href={`/installations/${row.id}`}>The installation&apos;s timeline</Link>
          </dd>
        </dl>
      </SectionCard>
      <SectionCard title={`Advice: ${TRIAGE_DECISION_LABELS[row.advice.decision]}`} testId="triage-advice">
        <ul>
          {row.advice.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </SectionCard>
      {open && can(viewer, 'triage.decide') ? (
        <DecisionForm
          submissionId={crypto.randomUUID()}
          idPrefix="one"
          advice={row.advice.decision}
          weeks={weeks}
          target={{
            scope: 'selected',
            ids: [row.id],
            state: row.current && row.current.decision !== 'reschedule' ? row.current.decision : 'undecided',
            filter: '{}',
            expectedDecisionId: row.current ? row.current.id : '',
          }}
          heading={
            <h2>
              {row.current
                ? `Supersede: ${inSentence(TRIAGE_DECISION_LABELS[row.current.decision])}`
                : 'Decide'}
            </h2>
          }
        />
      ) : null}
      <DecisionHistory entries={history} />
    </div>
  );
}
