import 'server-only';
import { type InstallationRow, installationBatches } from '@/lib/data/installations';
import { installationsCopySource } from '@/lib/data/installations-export';
import {
  type InstallationListQuery,
  installationListSchema,
  parseSearchParams,
} from '@/lib/filters/installations';
import { defineExport } from './define';

/**
 * "Export what I see": the installations list's own URL filters and sort, every row from the first, masked as the
 * list masks them (another supplier's name on a split supply is "Other supplier"). Malformed filter values widen
 * the view exactly as they do on the page, so the file always matches the list it came from.
 */
export const installationsExport = defineExport<Omit<InstallationListQuery, 'cursor'>, InstallationRow>({
  name: 'installations',
  title: 'Installations (the list as filtered)',
  description:
    'The installations list with its current filters and sort order: add the list’s query string to the export URL.',
  version: 1,
  columns: [
    {
      header: 'Installation ID',
      kind: 'integer',
      description: 'The dashboard’s id (its page is /installations/<id>).',
      value: (r) => r.id,
    },
    {
      header: 'MPAN',
      kind: 'identifier',
      description: 'Electricity meter point; empty without one.',
      value: (r) => r.mpan,
    },
    {
      header: 'MPRN',
      kind: 'identifier',
      description: 'Gas meter point; empty without one.',
      value: (r) => r.mprn,
    },
    {
      header: 'Electricity Supplier',
      kind: 'text',
      description: 'Responsible Supplier of the ESME ("Other supplier" when it is not the viewer).',
      value: (r) => r.electricitySupplier,
    },
    {
      header: 'Gas Supplier',
      kind: 'text',
      description: 'Responsible Supplier of the GSME, masked the same way.',
      value: (r) => r.gasSupplier,
    },
    { header: 'GroupID', kind: 'code', description: 'Cohort (AA, BA, CB, DA, EA).', value: (r) => r.groupId },
    {
      header: 'Installation Type',
      kind: 'code',
      description: 'active-only, active-dormant or dormant-dormant.',
      value: (r) => r.type,
    },
    {
      header: 'Split Supply',
      kind: 'boolean',
      description: 'true when two different suppliers share it (MAM).',
      value: (r) => r.splitSupply,
    },
    {
      header: 'Migration Week',
      kind: 'date',
      description: 'Monday of its current Migration Week; empty if none.',
      value: (r) => r.migrationWeek,
    },
    { header: 'Stage', kind: 'code', description: 'Current stage.', value: (r) => r.stage },
    {
      header: 'Status',
      kind: 'code',
      description: 'in-progress, failed, migrated or rolled-back.',
      value: (r) => r.status,
    },
    {
      header: 'Last Code',
      kind: 'code',
      description: 'Code of the current attempt’s failure.',
      value: (r) => r.lastCode,
    },
    {
      header: 'Last Code Description',
      kind: 'text',
      description: 'What the code means (MEHRS Appendix A.1, TMAD).',
      value: (r) => r.lastCodeDescription,
    },
    {
      header: 'Attempts',
      kind: 'integer',
      description: 'Migration attempts so far.',
      value: (r) => r.attempts,
    },
    {
      header: 'Last Changed',
      kind: 'timestamp',
      description: 'When it last changed (London time, with offset).',
      value: (r) => r.lastChangedAt,
    },
  ],
  parse(search) {
    const { cursor: _, ...query } = parseSearchParams(installationListSchema, Object.fromEntries(search));
    return { ok: true, params: query };
  },
  rows: (viewer, query, supplier) => installationBatches(viewer, { ...query, supplier }),
  copy: (viewer, query, supplier) => installationsCopySource(viewer, { ...query, supplier }),
  periodLabel: (query) =>
    query.weekFrom || query.weekTo ? `${query.weekFrom ?? 'start'}_to_${query.weekTo ?? 'now'}` : 'current',
});
