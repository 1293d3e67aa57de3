'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorisedAction } from '@/lib/actions/action';
import { designateWeek, publishCalendar } from '@/lib/data/split-supply-writes';
import { splitSupplyFilterSchema } from '@/lib/filters/split-supply';
import { isValidMigrationWeek } from '@/lib/rules/weeks';

const designationInput = splitSupplyFilterSchema.extend({
  target: z.enum(['installation', 'pair', 'filter'], { error: 'Choose which installations to designate.' }),
  installation: z.coerce.number().int().positive().optional().catch(undefined),
  week: z.string().refine(isValidMigrationWeek, { error: 'Choose a Migration Week.' }),
  reason: z.string().trim().max(500, { error: 'Keep the reason under 500 characters.' }).optional(),
});

export const designateWeekAction = authorisedAction(
  { permission: 'splitSupply.plan', input: designationInput },
  async (viewer, { target, installation, week, reason, ...filter }) => {
    const outcome = await designateWeek(
      viewer,
      { target, installationId: installation, filter, week, reason },
      new Date(),
    );
    revalidatePath('/split-supply');
    return outcome;
  },
);

export const publishCalendarAction = authorisedAction(
  { permission: 'splitSupply.plan', input: z.object({}) },
  async (viewer) => {
    const publication = await publishCalendar(viewer, new Date());
    revalidatePath('/split-supply');
    return publication;
  },
);
