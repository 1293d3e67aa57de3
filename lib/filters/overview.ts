import { z } from 'zod';
import { addMigrationWeeks, currentAndPreviousWeek, isValidMigrationWeek } from '@/lib/rules/weeks';
import { type InstallationFilter, installationFilterSchema } from './installations';

/**
 * The overview's URL: the installations filter, with the week range opening on the current Migration Week (Europe/
 * London) rather than every week since the start. `weeks=all` asks for every week. A week that is not a Monday, or a
 * range that ends before it starts, is reported rather than silently dropped (which would widen the view to all weeks)
 * or applied (which would empty it).
 */
export const WEEK_SHORTCUTS = ['this', 'last', 'last-four', 'all'] as const;
export type WeekShortcut = (typeof WEEK_SHORTCUTS)[number];

const weekText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)')
  .refine(isValidMigrationWeek, 'is not a Monday: a Migration Week starts on a Monday');

const overviewWeeksSchema = z
  .object({
    weeks: z.literal('all').optional(),
    weekFrom: weekText.optional(),
    weekTo: weekText.optional(),
  })
  .superRefine((w, ctx) => {
    if (w.weekFrom && w.weekTo && w.weekFrom > w.weekTo) {
      ctx.addIssue({ code: 'custom', path: ['weekFrom'], message: `is after the last week, ${w.weekTo}` });
    }
  });

const WEEK_FIELD_LABELS: Record<string, string> = {
  weeks: 'The week choice',
  weekFrom: 'The first week',
  weekTo: 'The last week',
};

export interface OverviewQuery {
  /** What the overview counts: the installations filter with the week range resolved. */
  filter: InstallationFilter;
  /** The shortcut the range matches, if any (the one shown as selected). */
  shortcut: WeekShortcut | null;
  weeks: { current: string; previous: string };
  /** What was wrong with the week parameters, in words; the overview then shows the current week. */
  problems: string[];
}

/** The week range of each shortcut, relative to the current Migration Week. */
export function shortcutRange(
  shortcut: WeekShortcut,
  weeks: { current: string; previous: string },
): Pick<InstallationFilter, 'weekFrom' | 'weekTo'> {
  switch (shortcut) {
    case 'this':
      return { weekFrom: weeks.current, weekTo: weeks.current };
    case 'last':
      return { weekFrom: weeks.previous, weekTo: weeks.previous };
    case 'last-four':
      return { weekFrom: addMigrationWeeks(weeks.current, -3), weekTo: weeks.current };
    case 'all':
      return { weekFrom: undefined, weekTo: undefined };
  }
}

/** The overview's query from its URL parameters at `now`. */
export function parseOverviewQuery(params: Record<string, string | undefined>, now: Date): OverviewQuery {
  const weeks = currentAndPreviousWeek(now);
  const rest = installationFilterSchema.parse(params);
  const parsed = overviewWeeksSchema.safeParse({
    weeks: params.weeks,
    weekFrom: params.weekFrom,
    weekTo: params.weekTo,
  });
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? 'weeks');
        const given = params[field];
        return `${WEEK_FIELD_LABELS[field] ?? field} ${given ?? ''} ${issue.message}.`.replace('  ', ' ');
      });
  const chosen = parsed.success ? parsed.data : {};
  const range =
    chosen.weeks === 'all'
      ? shortcutRange('all', weeks)
      : chosen.weekFrom || chosen.weekTo
        ? { weekFrom: chosen.weekFrom, weekTo: chosen.weekTo }
        : shortcutRange('this', weeks);
  const shortcut =
    WEEK_SHORTCUTS.find((s) => {
      const r = shortcutRange(s, weeks);
      return r.weekFrom === range.weekFrom && r.weekTo === range.weekTo;
    }) ?? null;
  return { filter: { ...rest, ...range }, shortcut, weeks, problems };
}

/**
 * The overview URL's parameters for a filter: only what differs from the default (this week), no empty values.
 */
export function overviewParams(
  filter: InstallationFilter,
  weeks: { current: string; previous: string },
): Record<string, string | number | undefined> {
  const { weekFrom, weekTo, ...rest } = filter;
  const isThisWeek = weekFrom === weeks.current && weekTo === weeks.current;
  const range = !weekFrom && !weekTo ? { weeks: 'all' } : isThisWeek ? {} : { weekFrom, weekTo };
  return { ...rest, ...range };
}
