import type { Metadata } from 'next';
import { ReportDownload, type ReportDownloadProps } from '@/components/reports/report-download';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/viewer';
import { getViewerOrganisation, listVisibleSuppliers } from '@/lib/data/parties';
import type { ExportDefinition } from '@/lib/exports/define';
import { REPORT_EXPORTS } from '@/lib/exports/registry';
import {
  lastCompleteMigrationWeek,
  previousMigrationDay,
  previousMigrationWeekPeriod,
} from '@/lib/rules/reports';
import { addMigrationWeeks, londonDate } from '@/lib/rules/weeks';

export const metadata: Metadata = { title: 'Reports' };

/** Weeks offered for Report 8: the last complete one first, then the half-year before it. */
const REPORT_8_WEEK_CHOICES = 26;

function parametersFor(report: ExportDefinition, now: Date): ReportDownloadProps['parameters'] {
  if (report.name === 'report-8') {
    const last = lastCompleteMigrationWeek(now);
    return {
      kind: 'week',
      weeks: Array.from({ length: REPORT_8_WEEK_CHOICES }, (_, k) => addMigrationWeeks(last, -k)),
    };
  }
  const period = report.name === 'report-6' ? previousMigrationDay(now) : previousMigrationWeekPeriod(now);
  return { kind: 'period', ...period, max: londonDate(now) };
}

export default async function ReportsPage() {
  const viewer = await requirePermission('reports.view');
  const now = new Date();
  const analyst = can(viewer, 'migration.viewAll');
  const [suppliers, organisation] = await Promise.all([
    analyst ? listVisibleSuppliers(viewer) : Promise.resolve(undefined),
    getViewerOrganisation(viewer),
  ]);
  return (
    <div className="stack">
      <h1>Reports</h1>
      <p>
        The Migration Reporting Regime reports as CSV,{' '}
        {organisation ? `for ${organisation} only` : 'for every supplier or one'}. Each file has a header row,
        London times with their offset, and the columns published for its version, which never change without
        a new version. Choose “Scripts” for plain UTF-8 without a byte order mark.
      </p>
      {REPORT_EXPORTS.map((report) => (
        <ReportDownload
          key={report.name}
          name={report.name}
          title={report.title}
          reportId={report.reportId}
          description={report.description}
          version={report.version}
          columns={report.columns}
          parameters={parametersFor(report, now)}
          suppliers={suppliers}
        />
      ))}
    </div>
  );
}
