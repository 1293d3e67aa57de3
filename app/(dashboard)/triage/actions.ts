'use server';

import { TZDate } from '@date-fns/tz';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorisedAction } from '@/lib/actions/action';
import { type DecisionReport, type DecisionRequest, decideTriage } from '@/lib/data/triage-decisions';
import { TRIAGE_STATES, triageFilterSchema } from '@/lib/filters/triage';
import { MIGRATION_TIME_ZONE } from '@/lib/rules/config';
import { isValidMigrationWeek } from '@/lib/rules/weeks';

const text = (max: number) => z.string().trim().max(max);
const required = (message: string, max = 500) => text(max).min(1, message);
const week = z.string().refine(isValidMigrationWeek, 'Choose a Migration Week (a Monday).');
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** A datetime-local value is London wall-clock time (the migration's time zone). */
const londonDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Give the date and time of the contact.')
  .transform((value) => {
    const [date = '', time = ''] = value.split('T');
    const [y, m, d] = date.split('-').map(Number);
    const [h, min] = time.split(':').map(Number);
    return new Date(
      new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, min ?? 0, MIGRATION_TIME_ZONE).getTime(),
    );
  });

const detail = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('reschedule'), week }),
  z.object({
    decision: z.literal('await-smso'),
    awaitedSmsoAction: required('Say what is awaited from the SMSO.'),
  }),
  z.object({
    decision: z.literal('liaise-with-active-supplier'),
    contactedParty: required('Say who at the Active supplier was contacted.', 200),
    contactedAt: londonDateTime,
    supplierAnswer: required("Record the supplier's answer."),
    supplierWeek: z.preprocess(blankToUndefined, week.optional()),
  }),
  z.object({ decision: z.literal('exclude') }),
]);

const common = z.object({
  submissionId: z.uuid('Reload the page and try again.'),
  note: text(2_000).optional(),
  overruleReason: text(2_000).optional(),
  supplierVisible: z.literal('on').optional(),
  scope: z.enum(['selected', 'filter']),
  ids: z
    .string()
    .regex(/^(\d+(,\d+)*)?$/)
    .transform((s) => (s ? s.split(',').map(Number) : [])),
  state: z.enum(TRIAGE_STATES),
  expectedDecisionId: z.preprocess(blankToUndefined, z.coerce.number().int().nonnegative().optional()),
  filter: z
    .string()
    .max(2_000)
    .transform((s, ctx) => {
      try {
        return triageFilterSchema.parse(JSON.parse(s || '{}'));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Reload the page and try again.' });
        return z.NEVER;
      }
    }),
});

const decisionInput = z.intersection(common, detail).superRefine((input, ctx) => {
  if (input.decision === 'exclude' && !input.note) {
    ctx.addIssue({
      code: 'custom',
      path: ['note'],
      message: 'Give the reason for excluding (e.g. to be replaced by a SMETS2 meter).',
    });
  }
  if (input.scope === 'selected' && input.ids.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['ids'], message: 'Select at least one installation.' });
  }
});

type DecisionInput = z.infer<typeof decisionInput>;

function toRequest(input: DecisionInput): DecisionRequest {
  const {
    submissionId,
    note,
    overruleReason,
    supplierVisible,
    scope,
    ids,
    state,
    expectedDecisionId,
    filter,
  } = input;
  const detailOf = (): DecisionRequest['detail'] => {
    switch (input.decision) {
      case 'reschedule':
        return { decision: 'reschedule', week: input.week };
      case 'await-smso':
        return { decision: 'await-smso', awaitedSmsoAction: input.awaitedSmsoAction };
      case 'liaise-with-active-supplier':
        return {
          decision: 'liaise-with-active-supplier',
          contactedParty: input.contactedParty,
          contactedAt: input.contactedAt,
          supplierAnswer: input.supplierAnswer,
          supplierWeek: input.supplierWeek ?? null,
        };
      case 'exclude':
        return { decision: 'exclude' };
    }
  };
  return {
    submissionId,
    detail: detailOf(),
    note: note || null,
    overruleReason: overruleReason || null,
    supplierVisible: supplierVisible === 'on',
    target:
      scope === 'filter'
        ? { kind: 'filter', filter: { ...filter, state } }
        : { kind: 'installations', ids, state, expectedDecisionId },
  };
}

/** MEHRS 4.1 / 4.2: record a decision on one or many failed installations with a Dormant Meter. */
export const decideTriageAction = authorisedAction(
  { permission: 'triage.decide', input: decisionInput },
  async (viewer, input): Promise<DecisionReport> => {
    const report = await decideTriage(viewer, toRequest(input));
    revalidatePath('/triage', 'layout');
    revalidatePath('/');
    return report;
  },
);
