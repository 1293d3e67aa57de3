import { type Column, DataTable } from '@/components/ui/data-table';
import type { FileImportProblem } from '@/db/schema/operations';
import { formatCount } from '@/lib/format';

const problemColumns: Column<FileImportProblem & { n: number }>[] = [
  { key: 'line', header: 'Line', cell: (p) => p.line, numeric: true },
  { key: 'column', header: 'Column', cell: (p) => (p.column ? <code>{p.column}</code> : '—') },
  { key: 'message', header: 'Problem', cell: (p) => p.message },
];

/** The line-by-line report of a file: problems that rejected it, or rows reported and not applied. */
export function ProblemTable({
  caption,
  problems,
  total,
  empty,
}: {
  caption: string;
  problems: readonly FileImportProblem[];
  total: number;
  empty: string;
}) {
  const rows = problems.map((p, n) => ({ ...p, n }));
  return (
    <>
      <DataTable
        caption={caption}
        columns={problemColumns}
        rows={rows}
        rowKey={(p) => p.n}
        empty={empty}
        testId="import-problems"
      />
      {total > problems.length ? (
        <p className="muted">
          Showing the first {formatCount(problems.length)} of {formatCount(total)}.
        </p>
      ) : null}
    </>
  );
}

/** "Rows parsed = accepted + rejected", the sentence every import shows. */
export function RowCounts({
  total,
  accepted,
  rejected,
  skipped,
}: {
  total: number;
  accepted: number;
  rejected: number;
  skipped: number;
}) {
  return (
    <p data-testid="import-counts">
      Rows parsed {formatCount(total)} = accepted {formatCount(accepted)} + rejected {formatCount(rejected)}
      {skipped > 0 ? `; ${formatCount(skipped)} accepted rows reported and not applied` : ''}.
    </p>
  );
}
