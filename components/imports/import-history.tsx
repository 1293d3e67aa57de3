import Link from 'next/link';
import { type Column, DataTable } from '@/components/ui/data-table';
import { LondonTime } from '@/components/ui/london-time';
import type { ImportHistoryRow } from '@/lib/data/imports';
import { IMPORT_KIND_LABELS } from '@/lib/data/imports/kinds';
import { formatCount } from '@/lib/format';

const STATUS_LABELS = { applied: 'Applied', rejected: 'Rejected', received: 'Received' } as const;

const columns: Column<ImportHistoryRow>[] = [
  { key: 'id', header: 'Import', cell: (r) => <Link href={`/imports/${r.id}`}>#{r.id}</Link> },
  { key: 'uploadedAt', header: 'Submitted', cell: (r) => <LondonTime iso={r.uploadedAt} /> },
  { key: 'kind', header: 'Kind', cell: (r) => IMPORT_KIND_LABELS[r.kind] },
  { key: 'filename', header: 'File', cell: (r) => <span className="mono">{r.filename}</span> },
  { key: 'by', header: 'By', cell: (r) => r.uploadedBy },
  {
    key: 'status',
    header: 'Outcome',
    cell: (r) => (
      <span className={`badge ${r.status === 'rejected' ? 'failed' : 'migrated'}`}>
        {STATUS_LABELS[r.status]}
      </span>
    ),
  },
  { key: 'rows', header: 'Rows parsed', cell: (r) => formatCount(r.rowsTotal), numeric: true },
  { key: 'accepted', header: 'Accepted', cell: (r) => formatCount(r.rowsAccepted), numeric: true },
  { key: 'rejected', header: 'Rejected', cell: (r) => formatCount(r.rowsRejected), numeric: true },
  { key: 'skipped', header: 'Not applied', cell: (r) => formatCount(r.rowsSkipped), numeric: true },
];

export function ImportHistory({ rows }: { rows: readonly ImportHistoryRow[] }) {
  return (
    <DataTable
      caption="Imports, newest first"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      empty="No files have been imported yet."
      testId="import-history"
    />
  );
}
