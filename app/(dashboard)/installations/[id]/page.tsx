import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { NextMove } from '@/components/installations/next-move';
import { RetryScheduleView } from '@/components/installations/retry-schedule';
import { SplitSupplyCard } from '@/components/split-supply/split-supply-card';
import { LondonTime } from '@/components/ui/london-time';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { requirePermission } from '@/lib/auth/viewer';
import type { AuthorisationDto } from '@/lib/data/failure-resolution';
import { getInstallationTimeline, type InstallationTimeline } from '@/lib/data/installations';
import { getSplitSupplyReading } from '@/lib/data/split-supply';
import { formatIsoDate, formatLondonDateTime, STATUS_LABELS, TYPE_LABELS } from '@/lib/format';
import { describeCode, errorCode } from '@/lib/rules/codes';
import { INCIDENT_STATUS_LABELS } from '@/lib/rules/incident-workflow';
import { deviceConnectivityAttempts, simSwapAttempts } from '@/lib/rules/retries';
import { stage as stageInfo } from '@/lib/rules/stages';
import { TRIAGE_DECISION_LABELS } from '@/lib/rules/triage';
import { type TriageState, triageStateFor } from '@/lib/rules/triage-state';

/**
 * The installation for this request, read once for the tab title and the page (React's per-request cache).
 * Another supplier's installation is answered exactly like a missing one.
 */
const readTimeline = cache(async (rawId: string) => {
  const viewer = await requirePermission('installations.view');
  const id = Number(rawId);
  return Number.isSafeInteger(id) && id > 0 ? getInstallationTimeline(viewer, id) : null;
});

/** The tab names the installation, so several open timelines can be told apart. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const installation = (await readTimeline((await params).id))?.installation;
  return { title: installation ? `Installation ${installation.mpan ?? installation.mprn}` : 'Installation' };
}

/**
 * The retry schedules that applied, each with the attempt it belongs to: device connectivity (MEHRS 3.1, 2.6.2)
 * from when device validation began, and the GroupID CB SIM swap (MEHRS 3.2) that ended in MA120.
 */
function retrySchedules({ installation, events }: InstallationTimeline) {
  const startOf = (attempt: number, stage: string) =>
    events.find((e) => e.attempt === attempt && e.stage === stage);
  return events.flatMap((failure) => {
    if (!failure.code) return [];
    const connectivity =
      errorCode(failure.code)?.source === 'device-connectivity' ||
      (failure.code === 'MA115' && failure.failedStep?.startsWith('12.9.1'));
    if (connectivity) {
      const start = startOf(failure.attempt, 'device-validation');
      return start
        ? [
            {
              attempt: failure.attempt,
              schedule: deviceConnectivityAttempts(new Date(start.occurredAt), installation.groupId),
            },
          ]
        : [];
    }
    if (failure.code === 'MA120' && installation.groupId === 'CB') {
      const start = startOf(failure.attempt, 'sim-cutover');
      return start
        ? [{ attempt: failure.attempt, schedule: simSwapAttempts(new Date(start.occurredAt)) }]
        : [];
    }
    return [];
  });
}

function validationText(a: AuthorisationDto): string {
  if (a.validationStatus === 'accepted') return 'Accepted';
  return a.masked ? 'Rejected' : `Rejected: ${a.validationCodes.join(', ')}`;
}

function completionText(a: AuthorisationDto): string {
  if (a.completionStatus === null) return 'Pending';
  const status = a.completionStatus === 'success' ? 'Success' : 'Failure';
  return a.completionCode ? `${status} (${a.completionCode})` : status;
}

function triageText(state: TriageState): string | null {
  switch (state.kind) {
    case 'not-applicable':
      return null;
    case 'not-needed':
      return 'Not needed';
    case 'awaiting':
      return `Awaiting triage of the latest failure by the Migration Control Centre${
        state.earlier
          ? ` (the decision of ${formatLondonDateTime(state.earlier.decidedAt)} was about an earlier failure)`
          : ''
      }`;
    case 'decided': {
      const d = state.decision;
      return `${TRIAGE_DECISION_LABELS[d.decision]} (${formatLondonDateTime(d.decidedAt)})${
        d.rescheduledWeek ? `, rescheduled into the week of ${formatIsoDate(d.rescheduledWeek)}` : ''
      }${d.reason ? `: ${d.reason}` : ''}`;
    }
  }
}

export default async function InstallationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('installations.view');
  const timeline = await readTimeline((await params).id);
  if (!timeline) notFound();
  const { installation: i, events, incidents, authorisations } = timeline;
  const triageState = triageStateFor({
    type: i.type,
    status: i.status,
    latestFailureAt: timeline.latestFailure?.occurredAt ?? null,
    decisions: timeline.triage,
  });
  const triage = triageText(triageState);
  // Split supply (MAM): the designated week, both sides' MAs and any MA106 read from the viewer's side.
  const splitSupply = i.splitSupply ? await getSplitSupplyReading(viewer, i.id, new Date()) : null;

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

      <NextMove failure={timeline.latestFailure} triage={triageState} />
      {splitSupply ? <SplitSupplyCard reading={splitSupply} /> : null}
      {retrySchedules(timeline).map(({ attempt, schedule }) => (
        <RetryScheduleView key={`${attempt}-${schedule.kind}`} attempt={attempt} schedule={schedule} />
      ))}

      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        {events.length === 0 ? (
          <p className="empty-state">Nothing has happened to this installation yet.</p>
        ) : (
          <ol className="timeline" data-testid="timeline">
            {events.map((e) => {
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
                  {e.resolution ? (
                    <div className="muted" data-testid="event-scenario">
                      {e.resolution.citation}: {e.resolution.title} · next move:{' '}
                      {e.resolution.nextMove.ownerLabel}
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
                · owned by {inc.owner} · {INCIDENT_STATUS_LABELS[inc.status]}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="authorisations">
        <h2 id="authorisations">Migration Authorisations</h2>
        {authorisations.length === 0 ? (
          <p className="muted">None received.</p>
        ) : (
          <ScrollRegion label="Migration Authorisations">
            <table className="data" data-testid="authorisations">
              <thead>
                <tr>
                  <th scope="col">Received</th>
                  <th scope="col">Authorising party</th>
                  <th scope="col">Covers</th>
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
                    <td>
                      {a.authorisingParty}
                      {a.authorisedBy === 'dcc' ? ' (for the Dormant Meter)' : ''}
                      {a.mine ? ' (you)' : ''}
                    </td>
                    <td className="mono">
                      {[
                        a.covers.mpan ? `MPAN ${a.covers.mpan}` : null,
                        a.covers.mprn ? `MPRN ${a.covers.mprn}` : null,
                      ]
                        .filter(Boolean)
                        .join(' · ') || '—'}
                    </td>
                    <td>{formatIsoDate(a.migrationWeek)}</td>
                    <td>{validationText(a)}</td>
                    <td>{completionText(a)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {authorisations.some((a) => a.masked) ? (
          <p className="muted">Another supplier's codes are not shown: they are that supplier's to read.</p>
        ) : null}
      </section>
    </div>
  );
}
