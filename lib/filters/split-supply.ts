import { z } from 'zod';

/**
 * The split-supply planning filter, parsed from the URL by the page, the designation action and the export: one
 * schema, so "all matching the filter" designates exactly the rows the analyst is looking at.
 * Malformed values are dropped (the view widens) rather than failing the page.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Where an installation stands on the calendar. */
export const CALENDAR_STATES = ['needs-week', 'draft', 'published'] as const;
export type CalendarState = (typeof CALENDAR_STATES)[number];

export const CALENDAR_STATE_LABELS: Record<CalendarState, string> = {
  'needs-week': 'Needs a week (none designated, or its week has passed)',
  draft: 'Designated, not yet published',
  published: 'Published, week still ahead',
};

/** A pair of suppliers, lower id first: 'a-b'. The pair is unordered (either may supply either fuel). */
const pair = z
  .string()
  .regex(/^\d{1,9}-\d{1,9}$/)
  .transform((value) => value.split('-').map(Number) as [number, number])
  .refine(([a, b]) => a > 0 && b > 0 && a !== b)
  .transform(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));

export const splitSupplyFilterSchema = z.object({
  pair: optional(pair),
  state: optional(z.enum(CALENDAR_STATES)),
  code: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9.]{1,16}$/),
  ),
});
export type SplitSupplyFilter = z.infer<typeof splitSupplyFilterSchema>;

export const splitSupplyListSchema = splitSupplyFilterSchema.extend({
  /** The installation the designation form targets when "this installation" is chosen. */
  installation: optional(z.coerce.number().int().positive()),
  cursor: optional(z.coerce.number().int().positive()),
});
export type SplitSupplyListQuery = z.infer<typeof splitSupplyListSchema>;

/** The filter back as URL parameters (for links and hidden form fields). */
export function splitSupplyParams(filter: SplitSupplyFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.pair) params.pair = filter.pair.join('-');
  if (filter.state) params.state = filter.state;
  if (filter.code) params.code = filter.code;
  return params;
}
