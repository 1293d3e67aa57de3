import { stringify } from 'csv-stringify/sync';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The CSV rules every export follows (docs/decisions/0009-csv-exports.md). Pure: no I/O, no clock. Written twice on
 * purpose, side by side: `csvCell` in JS (PGlite, and every export without a COPY query) and `csvSqlCell` in SQL
 * (PostgreSQL's COPY writes the file); tests/data/exports-copy.test.ts checks both give the same bytes.
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

const FORMULA_START_SQL = sql.raw(`'=', '+', '-', '@', chr(9), chr(13)`);

function neutraliseFormulaSql(text: SQL): SQL {
  return sql`case when left(${text}, 1) in (${FORMULA_START_SQL}) then '''' || ${text} else ${text} end`;
}

/**
 * `csvCell` as a SQL expression over a raw value, for COPY … (FORMAT csv): NULL and '' both become NULL, which
 * COPY writes as an empty unquoted field, exactly as csv-stringify writes ''. COPY quotes like RFC 4180.
 */
export function csvSqlCell(kind: CellKind, value: SQL, profile: CsvProfile): SQL {
  switch (kind) {
    case 'integer':
    case 'decimal':
      return sql`(${value})::text`;
    case 'boolean':
      return sql`case when ${value} then 'true' when not ${value} then 'false' end`;
    case 'timestamp': {
      const local = sql`(${value}) at time zone 'Europe/London'`;
      return sql`to_char(${local}, 'YYYY-MM-DD"T"HH24:MI:SS')
        || case when ${local} = (${value}) at time zone 'UTC' then '+00:00' else '+01:00' end`;
    }
    case 'identifier': {
      const text = sql`(${value})::text`;
      const neutral = neutraliseFormulaSql(text);
      if (profile === 'plain') return sql`nullif(${neutral}, '')`;
      return sql`nullif(case when ${text} ~ '^[0-9]+$' then '="' || ${text} || '"' else ${neutral} end, '')`;
    }
    default:
      return sql`nullif(${neutraliseFormulaSql(sql`(${value})::text`)}, '')`;
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

/** The start of every file: the byte order mark of the Excel profile and the header row. */
export function csvHead<Row>(columns: readonly ExportColumn<Row>[], profile: CsvProfile): string {
  return (profile === 'excel' ? UTF8_BOM : '') + csvLines(columns, [], profile, true);
}

/** Each batch of rows as CSV text, empty batches skipped. */
export async function* csvBody<Row>(
  columns: readonly ExportColumn<Row>[],
  batches: AsyncIterable<readonly Row[]>,
  profile: CsvProfile,
): AsyncGenerator<string> {
  for await (const rows of batches) {
    const text = csvLines(columns, rows, profile, false);
    if (text) yield text;
  }
}

/**
 * COPY's CSV with CRLF record ends: COPY ends records with LF, so each LF outside a quoted field becomes CRLF (a line
 * break inside a quoted value is data and stays as it is). The quote state carries across chunks.
 */
export async function* crlfRecords(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let quoted = false;
  for await (const chunk of chunks) {
    let breaks = 0;
    let state = quoted;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x22) state = !state;
      else if (byte === 0x0a && !state) breaks++;
    }
    const out = new Uint8Array(chunk.length + breaks);
    let o = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a && !quoted) out[o++] = 0x0d;
      out[o++] = byte;
    }
    yield out;
  }
}

/**
 * A byte stream of the whole file: the head, then the body as the client takes it (the next part is read only when
 * the client has taken the previous one, so memory stays at about one batch however large the export).
 * If the source fails part-way the stream errors (the download is aborted, not left looking complete).
 */
export function csvFileStream(
  head: string,
  body: () => Promise<AsyncIterable<string | Uint8Array>>,
  onError: (error: unknown) => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<string | Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!iterator) {
            iterator = (await body())[Symbol.asyncIterator]();
            controller.enqueue(encoder.encode(head));
            return;
          }
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
        } catch (error) {
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator?.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/** The whole file of rows read in batches (the JS encoding: PGlite, and exports without a COPY query). */
export function csvStream<Row>(
  columns: readonly ExportColumn<Row>[],
  batches: AsyncIterable<readonly Row[]>,
  profile: CsvProfile,
  onError?: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  return csvFileStream(csvHead(columns, profile), async () => csvBody(columns, batches, profile), onError);
}
