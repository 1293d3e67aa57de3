import 'server-only';
import { type CalendarEntry, type CalendarSide, calendarBatches } from '@/lib/data/split-supply';
import { londonDate } from '@/lib/rules/weeks';
import type { ExportColumn } from './csv';
import { defineExport } from './define';

/**
 * The split-supply calendar (MAM, MEHRS v5.0 conclusions), scoped like its page: the MCC gets every designation
 * with both names (drafts included); a supplier only its own installations' published weeks, the other side as
 * "Other supplier". An analyst may narrow it to one supplier with `supplier=<id>`.
 */

const side = (index: 0 | 1, fuel: string): ExportColumn<CalendarEntry>[] => {
  const of = (entry: CalendarEntry): CalendarSide => entry.sides[index];
  return [
    {
      header: `${fuel} Supplier`,
      kind: 'text',
      description: `Responsible Supplier of the ${fuel === 'Electricity' ? 'ESME' : 'GSME'} ("Other supplier" when a supplier reads the other side).`,
      value: (r) => of(r).supplier,
    },
    {
      header: `${fuel} MA`,
      kind: 'code',
      description:
        'That side’s MA for the designated week: received, rejected (at validation), awaiting, or missed (cut-off passed).',
      value: (r) => of(r).status,
    },
  ];
};

export const splitSupplyExport = defineExport<{ asOf: Date }, CalendarEntry>({
  name: 'split-supply',
  title: 'Split-supply calendar',
  permission: 'splitSupply.view',
  description:
    'Every split-supply installation not yet migrated with its designated Migration Week, the submission cut-off and whether each side’s Migration Authorisation has arrived.',
  version: 1,
  columns: [
    {
      header: 'Installation ID',
      kind: 'integer',
      description: 'The dashboard’s id (its page is /installations/<id>).',
      value: (r) => r.installationId,
    },
    { header: 'MPAN', kind: 'identifier', description: 'Electricity meter point.', value: (r) => r.mpan },
    { header: 'MPRN', kind: 'identifier', description: 'Gas meter point.', value: (r) => r.mprn },
    {
      header: 'Migration Week',
      kind: 'date',
      description: 'The designated Migration Week (its Monday).',
      value: (r) => r.week,
    },
    {
      header: 'Published',
      kind: 'boolean',
      description: 'true once the calendar carrying it is published (a supplier sees published weeks only).',
      value: (r) => r.published,
    },
    {
      header: 'Submission Cut-off',
      kind: 'timestamp',
      description:
        'The last moment to submit the MA for the week (named configuration: the documents give none).',
      value: (r) => new Date(r.cutOff),
    },
    ...side(0, 'Electricity'),
    ...side(1, 'Gas'),
  ],
  parse: (_search, now) => ({ ok: true, params: { asOf: now } }),
  rows: (viewer, { asOf }, supplier) => calendarBatches(viewer, { supplier }, asOf),
  periodLabel: ({ asOf }) => londonDate(asOf),
});
