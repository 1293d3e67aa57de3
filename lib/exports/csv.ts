import { stringify } from 'csv-stringify/sync';

/**
 * The CSV rules every export follows (docs/decisions/0009-csv-exports.md). Pure: no I/O, no clock.
 *
 * - RFC 4180: quoting by csv-stringify, CRLF line ends, one header row.
 * - Two profiles: `excel` (the default) starts with a UTF-8 byte order mark and keeps digit-only identifiers
 *   (MPAN, MPRN, party ids) as text when Excel opens the file; `plain` (`?bom=0`, for scripts) is bare UTF-8 with
 *   every value as stored.
 * - Formula injection: a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
 *   in both profiles (a script's file is still opened in a spreadsheet sooner or later).
 * - Timestamps: ISO 8601 in London local time with its offset (`2026-07-01T10:00:00+01:00`).
 */

export type CellKind =
  /** Free text: names, descriptions. Neutralised against formula injection. */
  | 'text'
  /** MPAN, MPRN, party ids: text that must never become a number in a spreadsheet. */
  | 'identifier'
  /** Reason, error and step codes, enum values: text from a fixed vocabulary, still neutralised. */
  | 'code'
  | 'integer'
  | 'decimal'
  /** A calendar date, 'YYYY-MM-DD'. */
  | 'date'
  | 'timestamp'
  | 'boolean';

export type CellValue = string | number | boolean | Date | null | undefined;

export interface ExportColumn<Row> {
  /** The published header: never changed without a new report version (docs/reports.md). */
  header: string;
  kind: CellKind;
  /** One sentence for docs/reports.md and the catalogue. */
  description: string;
  value: (row: Row) => CellValue;
}

export type CsvProfile = 'excel' | 'plain';

export const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const DIGITS = /^\d+$/;

/** OWASP "CSV injection": a leading apostrophe makes a spreadsheet show the text instead of evaluating it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// Europe/London: BST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October
// (Summer Time Order 2002). Computed per year once: Intl per row would cost more than the whole CSV encoding.
const bstByYear = new Map<number, readonly [number, number]>();
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
}
function isBritishSummerTime(ms: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  let range = bstByYear.get(year);
  if (!range) {
    range = [lastSundayAtOneUtc(year, 2), lastSundayAtOneUtc(year, 9)];
    bstByYear.set(year, range);
  }
  return ms >= range[0] && ms < range[1];
}

/** ISO 8601 with the London offset: '2026-11-02T09:00:00+00:00', '2026-07-01T10:00:00+01:00'. */
export function londonTimestamp(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const summer = isBritishSummerTime(ms);
  const local = new Date(ms + (summer ? 3_600_000 : 0)).toISOString().slice(0, 19);
  return `${local}${summer ? '+01:00' : '+00:00'}`;
}

/** One cell as it goes into the CSV (before quoting, which csv-stringify does). */
export function csvCell(kind: CellKind, value: CellValue, profile: CsvProfile): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'integer':
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`Not a number: ${value}`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'timestamp':
      return londonTimestamp(value instanceof Date ? value : new Date(String(value)));
    case 'date':
      return neutraliseFormula(String(value));
    case 'identifier': {
      const text = String(value);
      // ="…" is the one form Excel and LibreOffice both keep as text; it is built only from digits.
      if (profile === 'excel' && DIGITS.test(text)) return `="${text}"`;
      return neutraliseFormula(text);
    }
    default:
      return neutraliseFormula(String(value));
  }
}

/** Header and rows as CSV text (CRLF, RFC 4180 quoting by csv-stringify). */
export function csvLines<Row>(
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
  profile: CsvProfile,
  withHeader: boolean,
): string {
  const records: string[][] = withHeader ? [columns.map((c) => neutraliseFormula(c.header))] : [];
  for (const row of rows) records.push(columns.map((c) => csvCell(c.kind, c.value(row), profile)));
  if (records.length === 0) return '';
  return stringify(records, { record_delimiter: 'windows', quote_record_delimiter: true });
}

/**
 * A byte stream of the whole CSV, pulling one batch of rows at a time: the next batch is read only when the
 * client has taken the previous one, so memory stays at about one batch however large the export.
 * If the source fails part-way the stream errors (the download is aborted, not left looking complete).
 */
export function csvStream<Row>(
  columns: readonly ExportColumn<Row>[],
  batches: AsyncIterable<readonly Row[]>,
  profile: CsvProfile,
  onError: (error: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!started) {
            started = true;
            const head = (profile === 'excel' ? UTF8_BOM : '') + csvLines(columns, [], profile, true);
            controller.enqueue(encoder.encode(head));
            return;
          }
          // A pull that enqueues nothing is not called again: skip empty batches until there is text or the end.
          for (;;) {
            const next = await iterator.next();
            if (next.done) {
              controller.close();
              return;
            }
            const text = csvLines(columns, next.value, profile, false);
            if (text) {
              controller.enqueue(encoder.encode(text));
              return;
            }
          }
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
