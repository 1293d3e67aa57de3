import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NextMove } from '@/components/installations/next-move';
import { RetryScheduleView } from '@/components/installations/retry-schedule';
import { LondonTime } from '@/components/ui/london-time';
import { requireViewer } from '@/lib/auth/viewer';
import { getInstallationTimeline, type InstallationTimeline } from '@/lib/data/installations';
import { formatIsoDate, formatLondonDateTime, STATUS_LABELS, TYPE_LABELS } from '@/lib/format';
import { describeCode, errorCode } from '@/lib/rules/codes';
import { deviceConnectivityAttempts } from '@/lib/rules/retries';
import { scenario } from '@/lib/rules/scenarios';
import { stage as stageInfo } from '@/lib/rules/stages';
import { TRIAGE_DECISION_LABELS } from '@/lib/rules/triage';

export const metadata: Metadata = { title: 'Installation' };

/** For each device connectivity timeout (MEHRS 2.6.2), the retry schedule from when device validation began. */
function connectivitySchedules({ installation, events }: InstallationTimeline) {
  return events
    .filter((e) => e.code && errorCode(e.code)?.source === 'device-connectivity')
    .flatMap((failure) => {
      const start = events.find((e) => e.attempt === failure.attempt && e.stage === 'device-validation');
      return start ? [deviceConnectivityAttempts(new Date(start.occurredAt), installation.groupId)] : [];
    });
}

function triageState(timeline: InstallationTimeline): string | null {
  const { installation, triage } = timeline;
  if (installation.type === 'active-only') return null;
  const superseded = new Set(triage.map((t) => t.supersedesId));
  const last = triage.filter((t) => !superseded.has(t.id)).at(-1);
  if (last) {
    return `${TRIAGE_DECISION_LABELS[last.decision]} (${formatLondonDateTime(last.decidedAt)})${
      last.rescheduledWeek ? `, rescheduled into the week of ${formatIsoDate(last.rescheduledWeek)}` : ''
    }${last.reason ? `: ${last.reason}` : ''}`;
  }
  return installation.status === 'failed' ? 'Awaiting triage by the Migration Control Centre' : 'Not needed';
}

export default async function InstallationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const id = Number((await params).id);
  // Another supplier's installation is answered exactly like a missing one.
  const timeline = Number.isSafeInteger(id) && id > 0 ? await getInstallationTimeline(viewer, id) : null;
  if (!timeline) notFound();
  const { installation: i, events, incidents, authorisations } = timeline;
  const triage = triageState(timeline);

  return (
    <div className="stack">
      <p>
        <Link href="/installations">← Installations</Link>
      </p>
      <div className="page-header">
        <h1>
          Installation <span className="mono">{i.mpan ?? i.mprn}</span>
        </h1>
        <span className={`badge ${i.status}`}>{STATUS_LABELS[i.status]}</span>
      </div>
      <section className="card" aria-labelledby="facts">
        <h2 id="facts" className="visually-hidden">
          Facts
        </h2>
        <dl className="facts">
          <dt>MPAN</dt>
          <dd className="mono">{i.mpan ?? '—'}</dd>
          <dt>MPRN</dt>
          <dd className="mono">{i.mprn ?? '—'}</dd>
          <dt>Electricity supplier</dt>
          <dd>{i.electricitySupplier ?? (i.mpan ? 'None (dormant)' : '—')}</dd>
          <dt>Gas supplier</dt>
          <dd>{i.gasSupplier ?? (i.mprn ? 'None (dormant)' : '—')}</dd>
          <dt>GroupID · SMSO</dt>
          <dd>
            {i.groupId} · {i.smso}
          </dd>
          <dt>Type</dt>
          <dd>
            {TYPE_LABELS[i.type]}
            {i.splitSupply ? ', split supply' : ''}
            {i.priority ? ', priority' : ''}
            {i.toBeCommissionedByDcc ? ', commissioned by DCC' : ''}
          </dd>
          <dt>Migration Week · Migrate On</dt>
          <dd>
            {i.migrationWeek ? formatIsoDate(i.migrationWeek) : '—'} ·{' '}
            {i.migrateOn ? formatIsoDate(i.migrateOn) : '—'}
          </dd>
          <dt>Stage</dt>
          <dd>{stageInfo(i.stage).label}</dd>
          <dt>Attempts</dt>
          <dd>{i.attempts}</dd>
          {i.lastFailedStep ? (
            <>
              <dt>FailedStepNumber</dt>
              <dd className="mono">{i.lastFailedStep}</dd>
            </>
          ) : null}
          {triage ? (
            <>
              <dt>Dormant triage</dt>
              <dd data-testid="triage-state">{triage}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <NextMove installation={i} />
      {connectivitySchedules(timeline).map((schedule) => (
        <RetryScheduleView key={schedule.attempts[0]?.toISOString()} schedule={schedule} />
      ))}

      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        {events.length === 0 ? (
          <p className="empty-state">Nothing has happened to this installation yet.</p>
        ) : (
          <ol className="timeline" data-testid="timeline">
            {events.map((e) => {
              const section = e.scenario ? scenario(e.scenario) : undefined;
              return (
                <li key={e.id} className={e.status}>
                  <LondonTime iso={e.occurredAt} /> · attempt {e.attempt} ·{' '}
                  <strong>{stageInfo(e.stage).label}</strong> · {STATUS_LABELS[e.status]}
                  {e.code ? (
                    <div>
                      <code>{e.code}</code> {describeCode(e.code).description}
                      {e.failedStep ? (
                        <>
                          {' '}
                          · FailedStepNumber <code>{e.failedStep}</code>
                        </>
                      ) : null}
                    </div>
                  ) : null}
                  {section ? (
                    <div className="muted">
                      MEHRS {section.section}: {section.title}
                    </div>
                  ) : null}
                  {e.note ? <div className="muted">{e.note}</div> : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {timeline.triage.length > 0 ? (
        <section className="card" aria-labelledby="triage-decisions">
          <h2 id="triage-decisions">Dormant triage decisions</h2>
          <ol className="timeline" data-testid="triage-decisions">
            {timeline.triage.map((t) => (
              <li key={t.id}>
                <LondonTime iso={t.decidedAt} /> · <strong>{TRIAGE_DECISION_LABELS[t.decision]}</strong>
                {t.rescheduledWeek ? ` into the Migration Week of ${formatIsoDate(t.rescheduledWeek)}` : ''}
                {timeline.triage.some((later) => later.supersedesId === t.id) ? (
                  <span className="muted"> · superseded</span>
                ) : null}
                {t.reason ? <div className="muted">{t.reason}</div> : null}
                {t.overruleReason ? (
                  <div className="muted">Overruled the advice: {t.overruleReason}</div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section className="card" aria-labelledby="incidents">
        <h2 id="incidents">Incidents that affected it</h2>
        {incidents.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="link-list">
            {incidents.map((inc) => (
              <li key={inc.id}>
                <Link href={`/incidents/${inc.id}`}>{inc.reference}</Link> · MEHRS {inc.scenario}: {inc.title}{' '}
                · owned by {inc.owner} · {inc.status}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="authorisations">
        <h2 id="authorisations">Migration Authorisations</h2>
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Migration Week</th>
                <th scope="col">Validation</th>
                <th scope="col">Completion</th>
              </tr>
            </thead>
            <tbody>
              {authorisations.map((a) => (
                <tr key={a.id}>
                  <td>
                    <LondonTime iso={a.receivedAt} />
                  </td>
                  <td>{formatIsoDate(a.migrationWeek)}</td>
                  <td>
                    {a.validationStatus === 'accepted'
                      ? 'Accepted'
                      : `Rejected: ${a.validationCodes.join(', ')}`}
                  </td>
                  <td>
                    {a.completionStatus === null
                      ? 'Pending'
                      : `${a.completionStatus === 'success' ? 'Success' : 'Failure'}${a.completionCode ? ` (${a.completionCode})` : ''}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
