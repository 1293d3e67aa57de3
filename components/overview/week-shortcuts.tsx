import Link from 'next/link';
import type { InstallationFilter } from '@/lib/filters/installations';
import { overviewParams, shortcutRange, WEEK_SHORTCUTS, type WeekShortcut } from '@/lib/filters/overview';
import { toSearchParams } from '@/lib/filters/search-params';
import { formatIsoDate } from '@/lib/format';

const LABELS: Record<WeekShortcut, string> = {
  this: 'This week',
  last: 'Last week',
  'last-four': 'Last four weeks',
  all: 'All weeks',
};

/** One click to this week, last week, the last four or all weeks; the rest of the filter is kept. */
export function WeekShortcuts({
  filter,
  shortcut,
  weeks,
}: {
  filter: InstallationFilter;
  shortcut: WeekShortcut | null;
  weeks: { current: string; previous: string };
}) {
  const range =
    filter.weekFrom || filter.weekTo
      ? filter.weekFrom === filter.weekTo
        ? `the Migration Week of ${formatIsoDate(filter.weekFrom ?? '')}`
        : `Migration Weeks from ${filter.weekFrom ? formatIsoDate(filter.weekFrom) : 'the first'} to ${filter.weekTo ? formatIsoDate(filter.weekTo) : 'the last'}`
      : 'all Migration Weeks';
  return (
    <nav aria-label="Migration Weeks">
      <p data-testid="overview-weeks">
        Installations currently in <strong>{range}</strong>
      </p>
      <ul className="button-row" style={{ listStyle: 'none', padding: 0 }}>
        {WEEK_SHORTCUTS.map((s) => (
          <li key={s}>
            <Link
              className={s === shortcut ? 'button' : 'button secondary'}
              aria-current={s === shortcut ? 'page' : undefined}
              href={`/${toSearchParams(overviewParams({ ...filter, ...shortcutRange(s, weeks) }, weeks))}`}
            >
              {LABELS[s]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
