import { z } from 'zod';
import { isValidMigrationWeek } from '@/lib/rules/weeks';

/**
 * The demand page's URL: the Report 8 week (its last Migration Week) and, for the MCC, one Authorising Party.
 * Malformed values are dropped: the page falls back to the last complete week and every party.
 */
export const demandQuerySchema = z.object({
  week: z.string().refine(isValidMigrationWeek).optional().catch(undefined),
  supplier: z.coerce.number().int().positive().optional().catch(undefined),
});
export type DemandQuery = z.infer<typeof demandQuerySchema>;
