import Link from 'next/link';
import type { IncidentDeskSummary, QueueSummaryEntry } from '@/lib/data/incident-queue';
import { QUEUE_OWNERS, type QueueOwner } from '@/lib/filters/incidents';

export const SHORT_OWNER: Record<QueueOwner, string> = {
  rp: 'Requesting Party',
  s1sp: 'S1SP',
  dco: 'DCO',
  dsp: 'DSP',
  cp: 'Commissioning Party',
  dcc: 'DCC',
};

function Tile({
  label,
  href,
  entry,
  current,
}: {
  label: string;
  href: string;
  entry: QueueSummaryEntry;
  current: boolean;
}) {
  return (
    <li>
      <Link href={href} className="queue-tile" aria-current={current ? 'page' : undefined}>
        <span className="queue-tile-label">{label}</span>
        <span>
          <strong>{entry.open}</strong> open
        </span>
        <span className={entry.breached > 0 ? 'past-target' : 'muted'}>
          <strong>{entry.breached}</strong> past target
        </span>
      </Link>
    </li>
  );
}

/**
 * One tile per owning party's queue (MEHRS section 2 owners), then the two lists that are not Incidents. "Past
 * target" counts are against the provisional target resolution times.
 */
export function QueueSummary({
  summary,
  current,
}: {
  summary: IncidentDeskSummary;
  current?: { kind: string; owner?: string };
}) {
  return (
    <nav aria-label="Queues">
      <ul className="queue-tiles" data-testid="queue-summary">
        {QUEUE_OWNERS.map((o) => (
          <Tile
            key={o}
            label={SHORT_OWNER[o]}
            href={`/incidents?owner=${o}`}
            entry={summary.byOwner[o]}
            current={current?.kind === 'incident' && current.owner === o}
          />
        ))}
        <Tile
          label="SMSO/CSP communications"
          href="/incidents?kind=communication"
          entry={summary.communications}
          current={current?.kind === 'communication'}
        />
        <Tile
          label="Service Requests"
          href="/incidents?kind=service-request"
          entry={summary.serviceRequests}
          current={current?.kind === 'service-request'}
        />
      </ul>
    </nav>
  );
}
