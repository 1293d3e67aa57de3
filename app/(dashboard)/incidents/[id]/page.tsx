import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AffectedList } from '@/components/incidents/affected-list';
import { IncidentFacts } from '@/components/incidents/incident-facts';
import { IncidentHistory } from '@/components/incidents/incident-history';
import { IncidentWork } from '@/components/incidents/incident-work';
import { IncidentStatusBadge } from '@/components/incidents/status-badge';
import { LondonTime } from '@/components/ui/london-time';
import { SectionCard } from '@/components/ui/section-card';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/viewer';
import { getIncident, listIncidentAssignees } from '@/lib/data/incidents';
import { RECORD_KIND_LABELS } from '@/lib/rules/incident-workflow';

/** The incident for this request, read once for the tab title and the page (React's per-request cache). */
const readIncident = cache(async (rawId: string) => {
  const viewer = await requirePermission('incidents.view');
  const id = Number(rawId);
  return Number.isSafeInteger(id) && id > 0 ? getIncident(viewer, id) : null;
});

/** The tab names the incident by its reference, so several open incidents can be told apart. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const incident = await readIncident((await params).id);
  return { title: incident ? incident.reference : 'Incident' };
}

const ORDER_WORDS = {
  receipt: 'in order of receipt',
  'priority-first': 'priority-flagged installations first, then in order of receipt',
} as const;

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('incidents.view');
  const incident = await readIncident((await params).id);
  if (!incident) notFound();
  const works = can(viewer, 'incidents.work');
  const assignees = works ? await listIncidentAssignees() : [];
  const atRisk = incident.installations.filter((i) => i.risks.length > 0);
  return (
    <div className="stack">
      <div className="page-header">
        <h1>
          {RECORD_KIND_LABELS[incident.kind]} {incident.reference}: {incident.title}
        </h1>
        <IncidentStatusBadge status={incident.status} />
      </div>
      <IncidentFacts incident={incident} />
      {works ? (
        <SectionCard title="Work this incident">
          <IncidentWork
            id={incident.id}
            version={incident.version}
            requestKey={crypto.randomUUID()}
            status={incident.status}
            category={incident.category}
            assigneeId={incident.assignee?.id ?? null}
            assignees={assignees}
            isIncident={incident.kind !== 'communication'}
          />
        </SectionCard>
      ) : null}
      {incident.status !== 'resolved' && incident.status !== 'closed' ? (
        <SectionCard title={`Installations at risk (${atRisk.length})`} testId="at-risk">
          <p className="muted">
            Affected installations that will miss their 24-hour Required File Set window (TMAD 5.24, 5.18), or
            whose Migration Authorisation expires (MA101), before the provisional target resolution time.
          </p>
          <AffectedList items={atRisk} />
        </SectionCard>
      ) : null}
      {incident.backlog ? (
        <SectionCard title="Backlog to process next" testId="backlog">
          <p>
            MEHRS {incident.scenario}: on resolution the owner processes the backlog{' '}
            {ORDER_WORDS[incident.backlog.order]}.
          </p>
          <AffectedList items={incident.backlog.installations} ordered testId="backlog-order" />
        </SectionCard>
      ) : null}
      <SectionCard title={`Affected installations you can see (${incident.affectedCount})`} testId="affected">
        <AffectedList items={incident.installations} />
        {incident.affectedCount > incident.installations.length ? (
          <p className="muted">The first {incident.installations.length} are listed.</p>
        ) : null}
        {incident.interestedParties.length > 0 ? (
          <p data-testid="interested-parties">Interested Parties: {incident.interestedParties.join(', ')}</p>
        ) : null}
      </SectionCard>
      <SectionCard title="Notes" testId="incident-notes">
        {incident.notes.length === 0 ? (
          <p className="muted">No notes.</p>
        ) : (
          <ul className="notes">
            {incident.notes.map((n) => (
              <li key={n.id}>
                <LondonTime iso={n.at} />
                {n.by ? ` · ${n.by}` : ''}
                {works ? (
                  <span className="badge">
                    {n.visibility === 'supplier' ? 'Visible to suppliers' : 'Internal'}
                  </span>
                ) : null}
                <p>{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
      <SectionCard title="History">
        <IncidentHistory history={incident.history} />
      </SectionCard>
    </div>
  );
}
