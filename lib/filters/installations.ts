import { z } from 'zod';
import {
  NEXT_MOVE_KIND_IDS,
  NEXT_MOVE_KINDS,
  NEXT_MOVE_OWNERS,
  type NextMoveKind,
} from '@/lib/rules/next-moves';
import { GROUP_IDS, INSTALLATION_STATUSES, INSTALLATION_TYPES, OUTCOMES, STAGE_IDS } from '@/lib/rules/types';

export { OUTCOMES, type Outcome } from '@/lib/rules/types';

import { isValidMigrationWeek } from '@/lib/rules/weeks';

/**
 * The installations filter, parsed from the URL by pages and route handlers and taken by the data layer:
 * one schema, so a bookmarked URL, the list, the overview and the CSV export always agree.
 * Malformed values are dropped (the view widens) rather than failing the page.
 */
const week = z.string().refine(isValidMigrationWeek, 'A Migration Week is a Monday (YYYY-MM-DD).');
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The list's orders. `attention`, the default, puts failures first, the longest-waiting first: what needs
 * someone's move before rows with nothing to show.
 */
export const INSTALLATION_SORTS = ['attention', 'changed', 'week', 'code', 'stage', 'attempts'] as const;
export type InstallationSort = (typeof INSTALLATION_SORTS)[number];

/** The direction a sort takes when the URL names none: the one a reader most likely wants first. */
export const DEFAULT_SORT_DIRECTION: Record<InstallationSort, 'asc' | 'desc'> = {
  attention: 'asc',
  changed: 'desc',
  week: 'asc',
  code: 'asc',
  stage: 'asc',
  attempts: 'desc',
};

export const installationFilterSchema = z.object({
  weekFrom: optional(week),
  weekTo: optional(week),
  supplier: optional(z.coerce.number().int().positive()),
  groupId: optional(z.enum(GROUP_IDS)),
  type: optional(z.enum(INSTALLATION_TYPES)),
  stage: optional(z.enum(STAGE_IDS)),
  status: optional(z.enum(INSTALLATION_STATUSES)),
  /**
   * "Ended an attempt with this outcome during Migration Week W" (what happened in the week, as Report 6 counts it),
   * as opposed to weekFrom/weekTo, "currently in Migration Week W" (where the installation is now).
   */
  outcome: optional(z.enum(OUTCOMES)),
  outcomeWeek: optional(week),
  code: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9.]{1,16}$/),
  ),
  /** Whose next move the last failure is (lib/rules/next-moves.ts), as the list's Next move column shows it. */
  owner: optional(z.enum(NEXT_MOVE_OWNERS)),
  /** Which next move it is: the overview's "your moves" drill down to one. */
  move: optional(z.enum(NEXT_MOVE_KIND_IDS as [NextMoveKind, ...NextMoveKind[]])),
  /** MPAN (13 digits) or MPRN (6–10 digits): exact match, or prefix when shorter. */
  q: optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,13}$/),
  ),
});
export type InstallationFilter = z.infer<typeof installationFilterSchema>;

export const installationListSchema = installationFilterSchema
  .extend({
    sort: z.enum(INSTALLATION_SORTS).catch('attention').default('attention'),
    dir: optional(z.enum(['asc', 'desc'])),
    cursor: optional(z.string().max(400)),
  })
  .transform((query) => ({ ...query, dir: query.dir ?? DEFAULT_SORT_DIRECTION[query.sort] }));
export type InstallationListQuery = z.infer<typeof installationListSchema>;

/** The next move kinds an owner/move filter selects, or null when it selects none of them. */
export function selectedMoveKinds(filter: Pick<InstallationFilter, 'owner' | 'move'>): NextMoveKind[] | null {
  if (!filter.owner && !filter.move) return null;
  return NEXT_MOVE_KIND_IDS.filter(
    (k) =>
      (!filter.owner || NEXT_MOVE_KINDS[k].owner === filter.owner) && (!filter.move || k === filter.move),
  );
}

/** Next's `searchParams` prop for a page. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Next's searchParams (string | string[]) as one string per key, empty values left out. */
export function flattenSearchParams(
  params: Record<string, string | string[] | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined || first === '' ? [] : [[key, first]];
    }),
  );
}

/** Reads Next's searchParams (string | string[]) into the schema. */
export function parseSearchParams<T extends z.ZodType>(
  schema: T,
  params: Record<string, string | string[] | undefined>,
): z.infer<T> {
  return schema.parse(flattenSearchParams(params));
}

export { toSearchParams } from './search-params';
