import { z } from 'zod';
import { TRIAGE_DECISIONS, TRIAGEABLE_TYPES } from '@/lib/rules/triage';
import { GROUP_IDS } from '@/lib/rules/types';

/**
 * The dormant triage queue's filter (MEHRS 4), parsed from the URL by the page and taken by the data layer.
 * Malformed values are dropped (the view widens) rather than failing the page.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** 'undecided' is the queue itself; the others list installations whose current decision keeps them waiting. */
export const TRIAGE_STATES = ['undecided', 'await-smso', 'liaise-with-active-supplier', 'exclude'] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

export const TRIAGE_STATE_LABELS: Record<TriageState, string> = {
  undecided: 'Awaiting a decision',
  'await-smso': 'Awaiting the SMSO',
  'liaise-with-active-supplier': 'Liaising with the Active supplier',
  exclude: 'Excluded',
};

export const TRIAGE_SORTS = ['failed', 'attempts'] as const;

export const triageFilterSchema = z.object({
  state: z.enum(TRIAGE_STATES).catch('undecided').default('undecided'),
  groupId: optional(z.enum(GROUP_IDS)),
  smso: optional(z.coerce.number().int().positive()),
  code: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9.]{1,16}$/),
  ),
  advice: optional(z.enum(TRIAGE_DECISIONS)),
  type: optional(z.enum(TRIAGEABLE_TYPES)),
  minAttempts: optional(z.coerce.number().int().min(1).max(99)),
});
export type TriageFilter = z.infer<typeof triageFilterSchema>;

export const triageListSchema = triageFilterSchema.extend({
  /** Oldest failure first by default (MEHRS 4: the backlog is worked in order). */
  sort: z.enum(TRIAGE_SORTS).catch('failed').default('failed'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  cursor: optional(z.string().max(200)),
});
export type TriageListQuery = z.infer<typeof triageListSchema>;

/** The filter fields a bulk "all N matching this filter" decision carries, as URL-style strings. */
export function triageFilterParams(filter: TriageFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') out[key] = String(value);
  }
  return out;
}
