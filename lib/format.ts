import type { InstallationStatus, InstallationType } from '@/lib/rules/types';

// Display helpers shared by server and client components. Times are shown in Europe/London, the
// migration's time zone (MEHRS: Migration Weeks and days are GB local).

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

const integer = new Intl.NumberFormat('en-GB');

/** '24 Nov 2026, 09:05' in London time. */
export function formatLondonDateTime(iso: string): string {
  return londonDateTime.format(new Date(iso));
}

const londonDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** '24 Nov 2026': the London date of an instant, where a list has room for the day only. */
export function formatLondonDate(iso: string): string {
  return londonDay.format(new Date(iso));
}

/** '2026-11-24T09:05:00.000Z UTC', for a title attribute beside the London time. */
export function formatUtc(iso: string): string {
  return `${new Date(iso).toISOString().replace('.000Z', 'Z')} (UTC)`;
}

/** A calendar date ('2026-11-23') as '23 Nov 2026'. */
export function formatIsoDate(date: string): string {
  return londonDate.format(new Date(`${date}T00:00:00Z`));
}

/**
 * A label inside a sentence: its first letter lowered, the rest kept, so acronyms and names stay as written
 * ('Await SMSO action' → 'await SMSO action', never 'await smso action').
 */
export function inSentence(label: string): string {
  const [first = ''] = label.split(' ');
  const acronym = first.length > 1 && first === first.toUpperCase();
  return acronym ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

export function formatCount(n: number): string {
  return integer.format(n);
}

const percent = new Intl.NumberFormat('en-GB', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** A share as '12.3%' ('—' when there is nothing to divide by). */
export function formatRate(part: number, whole: number): string {
  return whole === 0 ? '—' : percent.format(part / whole);
}

export const STATUS_LABELS: Record<InstallationStatus, string> = {
  'in-progress': 'In progress',
  failed: 'Failed',
  migrated: 'Migrated',
  'rolled-back': 'Rolled back',
};

/** How an attempt ended, as counted in the Migration Week it happened in. */
export const OUTCOME_LABELS: Record<'migrated' | 'failed' | 'rolled-back', string> = {
  migrated: 'Migrated',
  failed: 'Failed',
  'rolled-back': 'Rolled back',
};

export const TYPE_LABELS: Record<InstallationType, string> = {
  'active-only': 'Active only',
  'active-dormant': 'Active/Dormant',
  'dormant-dormant': 'Dormant/Dormant',
};
