import { once } from 'node:events';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { CALENDAR_CSV_COLUMNS, calendarCsvRecord, streamCalendar } from '@/lib/data/split-supply';
import { neutraliseFormula } from '@/lib/exports/csv';
import { NO_STORE, withPermission } from '@/lib/http';
import { londonDate } from '@/lib/rules/weeks';

export const dynamic = 'force-dynamic';

/**
 * The split-supply calendar as CSV (MAM), scoped like the page: the MCC gets every designation with both names; a
 * supplier only its own installations' published weeks, the other side as "Other supplier". Rows stream as they
 * are read; a failure part-way aborts the response, so a partial file never looks complete.
 */
export async function GET(request: Request) {
  return withPermission('splitSupply.view', async (viewer) => {
    const now = new Date();
    const bom = new URL(request.url).searchParams.get('bom') !== '0';
    const csv = stringify({
      header: true,
      columns: [...CALENDAR_CSV_COLUMNS],
      bom,
      record_delimiter: 'windows',
    });
    void (async () => {
      try {
        for await (const entry of streamCalendar(viewer, now)) {
          if (!csv.write(calendarCsvRecord(entry).map(neutraliseFormula))) await once(csv, 'drain');
        }
        csv.end();
      } catch (error) {
        console.error('Split-supply export failed', error);
        csv.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    })();
    const scope = viewer.supplierId === null ? 'all-suppliers' : `supplier-${viewer.supplierId}`;
    return new Response(Readable.toWeb(csv) as ReadableStream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="split-supply-calendar-${scope}-${londonDate(now)}.csv"`,
        ...NO_STORE,
      },
    });
  });
}
