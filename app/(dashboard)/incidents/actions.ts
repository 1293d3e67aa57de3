'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorisedAction } from '@/lib/actions/action';
import { findInstallationsByMeter, parseMeterNumbers, raiseIncident } from '@/lib/data/incident-raise';
import { installationFilterSchema, parseSearchParams } from '@/lib/filters/installations';
import { GROUP_IDS, INCIDENT_CATEGORIES } from '@/lib/rules/types';

const raiseInput = z.object({
  scenario: z.string().regex(/^2\.\d\.\d{1,2}$/, { error: 'Choose a MEHRS scenario.' }),
  groupId: z.enum(GROUP_IDS).nullable().catch(null),
  ownerPartyId: z.coerce
    .number({ error: 'Choose the owning party.' })
    .int()
    .positive({ error: 'Choose the owning party.' }),
  raisedByPartyId: z.coerce
    .number({ error: 'Choose who raised it.' })
    .int()
    .positive({ error: 'Choose who raised it.' }),
  category: z.coerce
    .number()
    .pipe(z.literal(INCIDENT_CATEGORIES, { error: 'Choose a category from 1 to 5.' })),
  title: z.string().max(200).catch(''),
  description: z.string().max(4000).catch(''),
  meters: z.string().max(40_000).catch(''),
  from: z.string().max(1000).optional(),
  requestKey: z.string().min(8).max(64),
});

/** Raises the record the scenario calls for; the client opens it (a redirect here would read as a failure). */
export const raiseIncidentAction = authorisedAction(
  { permission: 'incidents.work', input: raiseInput },
  async (viewer, input) => {
    const created = await raiseIncident(viewer, {
      scenario: input.scenario,
      groupId: input.groupId,
      ownerPartyId: input.ownerPartyId,
      raisedByPartyId: input.raisedByPartyId,
      category: input.category,
      title: input.title,
      description: input.description,
      meterNumbers: parseMeterNumbers(input.meters),
      fromFilter: input.from
        ? parseSearchParams(installationFilterSchema, Object.fromEntries(new URLSearchParams(input.from)))
        : null,
      requestKey: input.requestKey,
    });
    revalidatePath('/incidents');
    return created;
  },
);

/** Looks up pasted MPANs/MPRNs so the analyst sees the installations and their Interested Parties before raising. */
export const findInstallationsAction = authorisedAction(
  { permission: 'incidents.work', input: z.object({ meters: z.string().max(40_000) }) },
  async (viewer, { meters }) => {
    const { found, unmatched } = await findInstallationsByMeter(viewer, parseMeterNumbers(meters));
    return {
      found,
      unmatched,
      interestedParties: [...new Set(found.flatMap((f) => f.suppliers))].sort(),
    };
  },
);
