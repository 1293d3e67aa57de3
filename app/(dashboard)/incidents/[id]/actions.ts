'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorisedAction } from '@/lib/actions/action';
import {
  addIncidentNote,
  assignIncident,
  changeIncidentCategory,
  changeIncidentStatus,
} from '@/lib/data/incident-writes';
import { NOTE_VISIBILITIES } from '@/lib/rules/incident-workflow';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from '@/lib/rules/types';

// Every change names the incident, the version its author saw, and the form's one-time key (see incident-writes).
const change = {
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  requestKey: z.string().min(8).max(64),
};

const reason = z.string().trim().max(500).optional();

function done(id: number) {
  revalidatePath(`/incidents/${id}`);
  revalidatePath('/incidents');
}

export const changeStatusAction = authorisedAction(
  { permission: 'incidents.work', input: z.object({ ...change, status: z.enum(INCIDENT_STATUSES), reason }) },
  async (viewer, input) => {
    const result = await changeIncidentStatus(viewer, input);
    done(input.id);
    return result;
  },
);

export const assignAction = authorisedAction(
  {
    permission: 'incidents.work',
    input: z.object({
      ...change,
      assigneeUserId: z.string().min(1, { error: 'Choose an analyst.' }).max(64),
    }),
  },
  async (viewer, input) => {
    const result = await assignIncident(viewer, input);
    done(input.id);
    return result;
  },
);

export const categoryAction = authorisedAction(
  {
    permission: 'incidents.work',
    input: z.object({
      ...change,
      category: z.coerce
        .number()
        .pipe(z.literal(INCIDENT_CATEGORIES, { error: 'Choose a category from 1 to 5.' })),
      reason,
    }),
  },
  async (viewer, input) => {
    const result = await changeIncidentCategory(viewer, input);
    done(input.id);
    return result;
  },
);

export const noteAction = authorisedAction(
  {
    permission: 'incidents.work',
    input: z.object({
      ...change,
      body: z.string().trim().min(1, { error: 'Write the note first.' }).max(4000),
      visibility: z.enum(NOTE_VISIBILITIES).catch('internal'),
    }),
  },
  async (viewer, input) => {
    const result = await addIncidentNote(viewer, input);
    done(input.id);
    return result;
  },
);
