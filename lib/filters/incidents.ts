import { z } from 'zod';
import { RECORD_KINDS } from '@/lib/rules/incident-workflow';
import { GROUP_IDS, INCIDENT_STATUSES, type PartyRole } from '@/lib/rules/types';

/**
 * The incident queue's URL: one schema for the page, its background refresh and the data layer. Malformed values
 * are dropped (the view widens) rather than failing the page.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The owning parties MEHRS section 2 assigns Incidents to, in the order the desk shows their queues. */
export const QUEUE_OWNERS = ['rp', 's1sp', 'dco', 'dsp', 'cp', 'dcc'] as const satisfies readonly PartyRole[];
export type QueueOwner = (typeof QUEUE_OWNERS)[number];

export const INCIDENT_SORTS = ['time-left', 'raised'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

/** 'active' is every status with work still to do (the default); 'all' includes resolved and closed. */
export const QUEUE_STATUSES = ['active', 'all', ...INCIDENT_STATUSES] as const;

export const incidentQueueSchema = z.object({
  kind: z.enum(RECORD_KINDS).catch('incident').default('incident'),
  owner: optional(z.enum(QUEUE_OWNERS)),
  scenario: optional(z.string().regex(/^2\.\d\.\d{1,2}$/)),
  status: z.enum(QUEUE_STATUSES).catch('active').default('active'),
  breached: optional(z.enum(['yes'])),
  supplier: optional(z.coerce.number().int().positive()),
  groupId: optional(z.enum(GROUP_IDS)),
  sort: z.enum(INCIDENT_SORTS).catch('time-left').default('time-left'),
  cursor: optional(z.string().max(200)),
});
export type IncidentQueueQuery = z.infer<typeof incidentQueueSchema>;
