import 'server-only';
import { report8Batches } from '@/lib/data/demand';
import {
  type AuthorisationRow,
  type FailureRow,
  type MigratedRow,
  type ReportPeriod,
  report2Batches,
  report2CopySource,
  report6Batches,
  report10Batches,
  s1mig001Batches,
  type ValidationResponseRow,
} from '@/lib/data/reports';
import { describeCode } from '@/lib/rules/codes';
import type { Report8Row } from '@/lib/rules/demand';
import { lastCompleteMigrationWeek, previousMigrationDay, report8Weeks } from '@/lib/rules/reports';
import type { IsoDate } from '@/lib/rules/weeks';
import type { ExportColumn } from './csv';
import { defaultPeriod, defineExport, parsePeriod, parseWeek, periodLabel } from './define';

/**
 * The Migration Reporting Regime reports (MRR v3.0, seed 003), as the product publishes them. Suppliers automate on
 * these files, so each one's columns are fixed per version (docs/reports.md; ./published.ts holds every version).
 */

const mpan = <Row extends { mpan: string | null }>(): ExportColumn<Row> => ({
  header: 'MPAN',
  kind: 'identifier',
  description: 'Electricity meter point (13 digits); empty when the row has no electricity meter.',
  value: (r) => r.mpan,
});
const mprn = <Row extends { mprn: string | null }>(): ExportColumn<Row> => ({
  header: 'MPRN',
  kind: 'identifier',
  description: 'Gas meter point; empty when the row has no gas meter.',
  value: (r) => r.mprn,
});
const party = <Row extends { partySecId: string | null; partyName: string }>(): ExportColumn<Row>[] => [
  {
    header: 'Authorising Party ID',
    kind: 'identifier',
    description:
      'SEC Party ID of the Authorising Party (empty for the DCC, which authorises dormant meters).',
    value: (r) => r.partySecId,
  },
  { header: 'Authorising Party', kind: 'text', description: 'Its name.', value: (r) => r.partyName },
];
const weekAndDay = <
  Row extends { migrationWeek: string | null; migrateOn: string | null },
>(): ExportColumn<Row>[] => [
  {
    header: 'Migration Week',
    kind: 'date',
    description: 'The Monday of the Migration Week.',
    value: (r) => r.migrationWeek,
  },
  {
    header: 'Migrate On',
    kind: 'date',
    description: 'The day the migration was to run.',
    value: (r) => r.migrateOn,
  },
];

const reportPeriodParse = (search: URLSearchParams, now: Date) => parsePeriod(search, defaultPeriod(now));

export const report2 = defineExport<ReportPeriod, FailureRow>({
  name: 'report-2',
  reportId: 'S1MIG-002',
  title: 'Report 2: Migration Failures Occurring in the Reporting Period',
  description:
    'Every failure after Migration Authorisation validation in the period, with the TMAD FailedStepNumber where the failing file carries one (MEHRS 2.4.5–2.7.7).',
  version: 1,
  columns: [
    {
      header: 'Failure Time',
      kind: 'timestamp',
      description: 'When the failure was recorded (London time, with offset).',
      value: (r) => r.occurredAt,
    },
    mpan(),
    mprn(),
    { header: 'GroupID', kind: 'code', description: 'Cohort (AA, BA, CB, DA, EA).', value: (r) => r.groupId },
    {
      header: 'Installation Type',
      kind: 'code',
      description: 'active-only, active-dormant or dormant-dormant.',
      value: (r) => r.type,
    },
    {
      header: 'Attempt',
      kind: 'integer',
      description: 'Which migration attempt of the installation failed (1 is the first).',
      value: (r) => r.attempt,
    },
    { header: 'Stage', kind: 'code', description: 'The stage it failed at.', value: (r) => r.stage },
    {
      header: 'Outcome',
      kind: 'code',
      description: 'failed, or rolled-back to the SMETS1 SMSO (MEHRS 2.6.5).',
      value: (r) => r.status,
    },
    {
      header: 'Reason or Error Code',
      kind: 'code',
      description: 'Appendix A.1 reason code, SCF error code or DSP/S1SP response code.',
      value: (r) => r.code,
    },
    {
      header: 'FailedStepNumber',
      kind: 'code',
      description: 'TMAD FailedStepNumber; empty when the failing file carries none.',
      value: (r) => r.failedStep,
    },
    {
      header: 'MEHRS Section',
      kind: 'code',
      description: 'The MEHRS scenario the failure falls under, e.g. 2.6.2.',
      value: (r) => r.scenario,
    },
  ],
  parse: reportPeriodParse,
  rows: (viewer, period, supplier) => report2Batches(viewer, { period, supplier }),
  copy: async (viewer, period, supplier) => report2CopySource(viewer, { period, supplier }),
  periodLabel,
});

const COMPLETION_STATUS = { success: 'Success', failure: 'Failure' } as const;

export const report6 = defineExport<ReportPeriod, AuthorisationRow>({
  name: 'report-6',
  reportId: 'S1MIG-006',
  title: 'Report 6: Migration Authorisation Outcomes for the Previous Migration Day',
  description:
    'Every MA Completion Response in the period: Completion Status Success or Failure only, one Completion Reason Code per row. Includes MA validation failures and every later failure, MCF and MVF validation included; its successes reconcile with S1MIG-001 (MRR v3.0).',
  version: 1,
  columns: [
    {
      header: 'Completion Time',
      kind: 'timestamp',
      description: 'When the MA Completion Response was sent.',
      value: (r) => r.completedAt,
    },
    ...party<AuthorisationRow>(),
    mpan(),
    mprn(),
    ...weekAndDay<AuthorisationRow>(),
    {
      header: 'MA Received',
      kind: 'timestamp',
      description: 'When the Migration Authorisation arrived.',
      value: (r) => r.receivedAt,
    },
    {
      header: 'Completion Status',
      kind: 'code',
      description: 'Success or Failure; never anything else (MRR v3.0 4.4–4.5).',
      value: (r) => (r.completionStatus ? COMPLETION_STATUS[r.completionStatus] : null),
    },
    {
      header: 'Completion Reason Code',
      kind: 'code',
      description:
        'One code: the failure reason (Appendix A.1, or the error code); empty on Success (MRR v3.0 4.6).',
      value: (r) => r.completionCode,
    },
  ],
  parse: (search, now) => parsePeriod(search, previousMigrationDay(now)),
  rows: (viewer, period, supplier) => report6Batches(viewer, { period, supplier }),
  periodLabel,
});

const VALIDATION_STATUS = { accepted: 'Accepted', rejected: 'Rejected' } as const;

export const report10 = defineExport<ReportPeriod, ValidationResponseRow>({
  name: 'report-10',
  reportId: 'S1MIG-010',
  title: 'Report 10: Migration Authorisation Validation Responses in the Reporting Period',
  description:
    'The MA Validation Response to every supplier MA received in the period, Active installations only, with the MA001–MA018 reason codes (MEHRS 2.3.2): one row per reason code.',
  version: 1,
  columns: [
    {
      header: 'MA Received',
      kind: 'timestamp',
      description: 'When the Migration Authorisation arrived.',
      value: (r) => r.receivedAt,
    },
    ...party<ValidationResponseRow>(),
    mpan(),
    mprn(),
    ...weekAndDay<ValidationResponseRow>(),
    {
      header: 'Validation Status',
      kind: 'code',
      description: 'Accepted or Rejected.',
      value: (r) => VALIDATION_STATUS[r.validationStatus],
    },
    {
      header: 'Reason Code',
      kind: 'code',
      description: 'One failing check (MA001–MA018); empty when accepted.',
      value: (r) => r.reasonCode,
    },
    {
      header: 'Reason Description',
      kind: 'text',
      description: 'The check, as MEHRS Appendix A.1 words it.',
      value: (r) => (r.reasonCode ? describeCode(r.reasonCode).description : null),
    },
  ],
  parse: reportPeriodParse,
  rows: (viewer, period, supplier) => report10Batches(viewer, { period, supplier }),
  periodLabel,
});

export const s1mig001 = defineExport<ReportPeriod, MigratedRow>({
  name: 's1mig-001',
  reportId: 'S1MIG-001',
  title: 'Successfully Migrated Installations',
  description: 'Every installation that migrated successfully in the period, one row per installation.',
  version: 1,
  columns: [
    {
      header: 'Migrated At',
      kind: 'timestamp',
      description: 'When the installation was migrated.',
      value: (r) => r.migratedAt,
    },
    mpan(),
    mprn(),
    { header: 'GroupID', kind: 'code', description: 'Cohort (AA, BA, CB, DA, EA).', value: (r) => r.groupId },
    {
      header: 'Installation Type',
      kind: 'code',
      description: 'active-only, active-dormant or dormant-dormant.',
      value: (r) => r.type,
    },
    ...weekAndDay<MigratedRow>(),
    {
      header: 'Attempt',
      kind: 'integer',
      description: 'The attempt that succeeded (1 is the first).',
      value: (r) => r.attempt,
    },
  ],
  parse: reportPeriodParse,
  rows: (viewer, period, supplier) => s1mig001Batches(viewer, { period, supplier }),
  periodLabel,
});

export const report8 = defineExport<{ week: IsoDate }, Report8Row>({
  name: 'report-8',
  reportId: 'S1MIG-008',
  title: 'Report 8: Summary of Migration Authorisations Received vs DCC Migration Commitment',
  description:
    'For each Authorising Party, the four Migration Weeks ending with the chosen week: the DCC Migration Commitment against the Migration Authorisations received (MEHRS 2.2.1).',
  version: 1,
  columns: [
    {
      header: 'Authorising Party ID',
      kind: 'identifier',
      description: 'SEC Party ID of the Authorising Party.',
      value: (r) => r.secPartyId,
    },
    { header: 'Authorising Party', kind: 'text', description: 'Its name.', value: (r) => r.partyName },
    {
      header: 'Migration Week',
      kind: 'date',
      description: 'The Monday of the Migration Week.',
      value: (r) => r.migrationWeek,
    },
    {
      header: 'DCC Migration Commitment',
      kind: 'integer',
      description: 'Installations DCC committed to migrate.',
      value: (r) => r.committed,
    },
    {
      header: 'Migration Authorisations Received',
      kind: 'integer',
      description: 'MAs received for the week.',
      value: (r) => r.received,
    },
    {
      header: 'Valid Migration Authorisations',
      kind: 'integer',
      description: 'Of those, the MAs that passed validation.',
      value: (r) => r.accepted,
    },
    {
      header: 'Difference',
      kind: 'integer',
      description: 'Received minus commitment (negative: commitment not met).',
      value: (r) => r.difference,
    },
    {
      header: 'Percentage Of Commitment',
      kind: 'decimal',
      description:
        'Received as a percentage of the commitment, one decimal place; empty when nothing was committed.',
      value: (r) => r.percentage,
    },
  ],
  parse: (search, now) => parseWeek(search, lastCompleteMigrationWeek(now)),
  rows: (viewer, { week }, supplier) => report8Batches(viewer, week, supplier),
  periodLabel: ({ week }) => `${report8Weeks(week)[0]}_to_${week}`,
});
