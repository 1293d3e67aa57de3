import type { ReactNode } from 'react';
import { ScrollRegion } from './scroll-region';

export interface Column<Row> {
  /** Stable key; also the column's `data-column` attribute for tests. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** A dense table's column width (CSS length); columns without one share what is left. */
  width?: string;
  /** A header that is itself a control (a sort link) replaces the plain header cell's content. */
  headerProps?: { 'aria-sort'?: 'ascending' | 'descending' };
}

/**
 * The product's table: a caption for screen readers, column headers with scope, its own horizontal scroll
 * container (a keyboard-reachable region) so a wide table never widens the page on a phone, and one empty-state
 * sentence instead of an empty grid. `dense` keeps every row to one line within the container's width (fixed
 * layout: long text is cut, whole on hover and focus), for lists read by scanning.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  testId,
  dense = false,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  empty: string;
  testId?: string;
  dense?: boolean;
}) {
  if (rows.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <ScrollRegion label={caption}>
      <table className={dense ? 'data dense' : 'data'} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.numeric ? 'num' : undefined}
                style={c.width ? { width: c.width } : undefined}
                {...c.headerProps}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} data-column={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
