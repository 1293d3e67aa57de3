import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { InstallationFilter } from '@/lib/filters/installations';
import { toSearchParams } from '@/lib/filters/search-params';
import { formatCount } from '@/lib/format';

/** "Raise an incident for these N installations": carries the list's filter (not its sort or page) to the form. */
export function RaiseFromFilterLink({
  viewer,
  filter,
  count,
}: {
  viewer: Viewer;
  filter: InstallationFilter;
  count: number;
}) {
  if (!can(viewer, 'incidents.work') || count === 0) return null;
  const { weekFrom, weekTo, supplier, groupId, type, stage, status, code, q } = filter;
  const query = toSearchParams({ weekFrom, weekTo, supplier, groupId, type, stage, status, code, q }).slice(
    1,
  );
  return (
    <p>
      <Link
        className="button secondary"
        href={`/incidents/new${query ? `?from=${encodeURIComponent(query)}` : ''}`}
      >
        Raise an incident for these {formatCount(count)} installations
      </Link>
    </p>
  );
}
