import Link from 'next/link';
import { SectionCard } from '@/components/ui/section-card';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getIncidentDeskSummary } from '@/lib/data/incident-queue';
import { QUEUE_OWNERS } from '@/lib/filters/incidents';
import { SHORT_OWNER } from './queue-summary';

/** The overview's compact "incidents by owner" panel: open and past-(provisional)-target counts, linking to queues. */
export async function IncidentsByOwner({ viewer }: { viewer: Viewer }) {
  if (!can(viewer, 'incidents.view')) return null;
  const summary = await getIncidentDeskSummary(viewer);
  return (
    <SectionCard
      title="Incidents by owner"
      testId="incidents-by-owner"
      actions={<Link href="/incidents">All queues</Link>}
    >
      <table className="data compact">
        <caption className="visually-hidden">
          Open incidents and those past their provisional target, by owner
        </caption>
        <thead>
          <tr>
            <th scope="col">Owner</th>
            <th scope="col" className="num">
              Open
            </th>
            <th scope="col" className="num">
              Past provisional target
            </th>
          </tr>
        </thead>
        <tbody>
          {QUEUE_OWNERS.map((o) => (
            <tr key={o}>
              <th scope="row">
                <Link href={`/incidents?owner=${o}`}>{SHORT_OWNER[o]}</Link>
              </th>
              <td className="num">{summary.byOwner[o].open}</td>
              <td className="num">
                {summary.byOwner[o].breached > 0 ? (
                  <Link href={`/incidents?owner=${o}&breached=yes`}>{summary.byOwner[o].breached}</Link>
                ) : (
                  0
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SectionCard>
  );
}
