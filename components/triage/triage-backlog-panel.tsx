import Link from 'next/link';
import { SectionCard } from '@/components/ui/section-card';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getTriageBacklog } from '@/lib/data/triage';
import { formatCount, formatLondonDateTime } from '@/lib/format';

const DAY_MS = 86_400_000;

/** The overview's view of the dormant triage backlog (MEHRS 4): how many await the MCC, and the oldest's age. */
export async function TriageBacklogPanel({ viewer, now = new Date() }: { viewer: Viewer; now?: Date }) {
  if (!can(viewer, 'triage.view')) return null;
  const backlog = await getTriageBacklog(viewer);
  const days = backlog.oldestFailedAt
    ? Math.floor((now.getTime() - new Date(backlog.oldestFailedAt).getTime()) / DAY_MS)
    : null;
  return (
    <SectionCard title="Dormant triage backlog" testId="triage-backlog">
      <p>
        <Link href="/triage">
          <strong data-testid="triage-backlog-count">{formatCount(backlog.count)}</strong> failed installation
          {backlog.count === 1 ? '' : 's'} with a Dormant Meter await a decision
        </Link>
        {backlog.oldestFailedAt && days !== null ? (
          <>
            ; the oldest failed{' '}
            {days === 0 ? 'today' : `${formatCount(days)} day${days === 1 ? '' : 's'} ago`} (
            {formatLondonDateTime(backlog.oldestFailedAt)}).
          </>
        ) : (
          '.'
        )}
      </p>
    </SectionCard>
  );
}
