import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LondonTime } from '@/components/ui/london-time';
import { requireViewer } from '@/lib/auth/viewer';
import { getIncident } from '@/lib/data/incidents';
import { formatLondonDateTime } from '@/lib/format';
import { clockFor } from '@/lib/incident-clock';
import { incidentManagement } from '@/lib/rules/incident-management';
import { scenario } from '@/lib/rules/scenarios';
import { GROUP_IDS } from '@/lib/rules/types';

export const metadata: Metadata = { title: 'Incident' };

function hours(ms: number): string {
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const id = Number((await params).id);
  const incident = Number.isSafeInteger(id) && id > 0 ? await getIncident(viewer, id) : null;
  if (!incident) notFound();
  const section = scenario(incident.scenario);
  const clock = clockFor(incident, new Date());
  const management = incidentManagement(incident.scenario, {
    groupId: GROUP_IDS.find((g) => g === incident.groupId) ?? null,
  });

  return (
    <div className="stack">
      <div className="page-header">
        <h1>
          Incident {incident.reference}: {incident.title}
        </h1>
        <span className="badge">{incident.status}</span>
      </div>
      <section className="card" aria-labelledby="incident-facts">
        <h2 id="incident-facts" className="visually-hidden">
          Facts
        </h2>
        <dl className="facts">
          <dt>Scenario</dt>
          <dd>
            MEHRS {incident.scenario}
            {section ? `: ${section.title}` : ''}
            {incident.groupId ? ` (GroupID ${incident.groupId} variant)` : ''}
          </dd>
          <dt>Raised by · owned by</dt>
          <dd>
            {incident.raisedBy} · {incident.owner}
            {management.managerLabel ? ` (managed by the ${management.managerLabel})` : ''}
          </dd>
          <dt>Who manages it</dt>
          <dd data-testid="incident-management">{management.summary}</dd>
          <dt>Category</dt>
          <dd>{incident.category}</dd>
          <dt>Raised</dt>
          <dd>
            <LondonTime iso={incident.raisedAt} />
          </dd>
          <dt>Target resolution</dt>
          <dd data-testid="incident-clock">
            {hours(clock.elapsedMs)} of {hours(clock.targetMs)} used
            {clock.provisional ? ' · target to be confirmed (provisional)' : ''}
            {clock.breached ? ' · target breached' : ''}
            {clock.provisional && clock.overTarget ? ' · past the provisional target' : ''}
            {clock.paused ? ' · clock paused' : ''}
            {clock.dueAt && clock.running ? ` · due ${formatLondonDateTime(clock.dueAt.toISOString())}` : ''}
          </dd>
          {section?.onResolution ? (
            <>
              <dt>On resolution</dt>
              <dd>{section.onResolution}</dd>
            </>
          ) : null}
        </dl>
        {incident.description ? <p>{incident.description}</p> : null}
      </section>
      <section className="card" aria-labelledby="incident-history">
        <h2 id="incident-history">Status history</h2>
        <ol className="timeline">
          {incident.history.map((h) => (
            <li key={`${h.at}-${h.status}`}>
              <LondonTime iso={h.at} /> · {h.status} · category {h.category}
              {h.note ? <div className="muted">{h.note}</div> : null}
            </li>
          ))}
        </ol>
      </section>
      {incident.notes.length > 0 ? (
        <section className="card" aria-labelledby="incident-notes">
          <h2 id="incident-notes">Notes</h2>
          {incident.notes.map((n) => (
            <p key={n.at}>
              <LondonTime iso={n.at} />: {n.body}
            </p>
          ))}
        </section>
      ) : null}
      <section className="card" aria-labelledby="incident-installations">
        <h2 id="incident-installations">Affected installations you can see</h2>
        {incident.installations.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="link-list">
            {incident.installations.map((i) => (
              <li key={i.id}>
                <Link href={`/installations/${i.id}`} className="mono">
                  {i.mpan ?? i.mprn}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {incident.interestedParties.length > 0 ? (
          <p className="muted">Interested Parties: {incident.interestedParties.join(', ')}</p>
        ) : null}
      </section>
    </div>
  );
}
