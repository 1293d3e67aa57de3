import Link from 'next/link';
import { LondonTime } from '@/components/ui/london-time';
import type { AffectedInstallation } from '@/lib/data/incidents';

function meter(i: AffectedInstallation) {
  return i.mpan ?? i.mprn ?? String(i.id);
}

/** Installations as links to their timelines; `ordered` numbers them (a backlog's processing order). */
export function AffectedList({
  items,
  ordered = false,
  testId,
}: {
  items: AffectedInstallation[];
  ordered?: boolean;
  testId?: string;
}) {
  if (items.length === 0) return <p className="muted">None.</p>;
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className="link-list" data-testid={testId}>
      {items.map((i) => (
        <li key={i.id}>
          <Link href={`/installations/${i.id}`} className="mono">
            {meter(i)}
          </Link>
          {i.priority ? <span className="badge"> priority</span> : null}
          {i.risks.map((r) => (
            <div key={r.kind} className="muted">
              {r.passed ? 'Missed' : 'At risk'}:{' '}
              {r.kind === 'ma-expiry' ? 'Migration Authorisation expiry' : '24-hour Required File Set window'}{' '}
              (<LondonTime iso={r.deadline} />)
            </div>
          ))}
        </li>
      ))}
    </List>
  );
}
