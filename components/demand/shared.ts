import { toSearchParams } from '@/lib/filters/search-params';
import { formatIsoDate } from '@/lib/format';
import type { IsoDate } from '@/lib/rules/weeks';

/** One colour per quantity, the same on every demand chart. */
export const DEMAND_COLOURS = {
  committed: '#5b6770',
  received: '#0b5394',
  accepted: '#1e6b3a',
  rejected: '#a4161a',
  scheduled: '#0b5394',
  triage: '#8a5300',
  capacity: '#a4161a',
  splitSupply: '#6a1b9a',
} as const;

/** A Migration Week as a chart tick: '16 Nov'. */
export function shortWeek(week: IsoDate): string {
  return formatIsoDate(week).replace(/ \d{4}$/, '');
}

/** The demand page for a week and (for the MCC) one party: the choice lives in the URL. */
export function demandHref(week: IsoDate | undefined, supplier: number | undefined): string {
  return `/demand${toSearchParams({ week, supplier })}`;
}

/**
 * The installations list behind a demand number: the Migration Week, the party, and any extra filter. Links to it
 * (and to other parties' demand) are rendered with `prefetch={false}`: the page holds dozens of them, and prefetching
 * each would render as many dynamic pages on the server for every visit.
 */
export function installationsHref(
  week: IsoDate,
  supplier: number | undefined,
  extra: { code?: string; status?: string } = {},
): string {
  return `/installations${toSearchParams({ weekFrom: week, weekTo: week, supplier, ...extra })}`;
}
