/**
 * Streams a CSV file through csv-parse (RFC 4180 quoting, BOM, CRLF or LF) and the kind's checks: one row in
 * memory at a time, so a 1,000,000-row file reads in bounded memory. Every problem is reported by line and column;
 * a record csv-parse cannot read (an unclosed quote) is reported by its line and skipped, and reading goes on.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { IMPORT_COLUMNS, type ImportKind } from './kinds';
import { checkHeader, type FileImportProblem, parseRow, type RowContext, type RowsByKind } from './rows';

/** A longer record is refused (a runaway quote would otherwise swallow the rest of the file into one field). */
const MAX_RECORD_BYTES = 64 * 1024;

export type ReadEvent<K extends ImportKind> =
  | { type: 'row'; row: RowsByKind[K] }
  | { type: 'problems'; problems: FileImportProblem[] };

function csvProblem(error: unknown): FileImportProblem {
  if (error instanceof CsvError) {
    const lines = (error as CsvError & { lines?: number }).lines;
    const message = error.message
      .replace(/^Invalid (Opening|Closing) Quote: /, '')
      .replace(/ at line \d+$/, '');
    return {
      line: typeof lines === 'number' ? lines : 0,
      column: null,
      message: `Not valid CSV: ${message}`,
    };
  }
  return { line: 0, column: null, message: `Not valid CSV: ${(error as Error).message}` };
}

/**
 * Yields each data row that passes the kind's checks, and the problems of every other row (and of the header).
 * The caller counts: rows parsed = rows yielded + rows with problems.
 */
export async function* readRows<K extends ImportKind>(
  kind: K,
  source: Readable,
  context: RowContext,
): AsyncGenerator<ReadEvent<K>> {
  const columns: readonly string[] = IMPORT_COLUMNS[kind];
  const parser = source.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_BYTES,
      info: true,
    }),
  );
  const skipped: FileImportProblem[] = [];
  parser.on('skip', (error: unknown) => skipped.push(csvProblem(error)));
  source.on('error', (error) => parser.destroy(error));
  let header = true;
  let headerOk = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (skipped.length > 0) yield { type: 'problems', problems: skipped.splice(0) };
      const line = info.lines;
      if (header) {
        header = false;
        const problems = checkHeader(kind, record);
        headerOk = problems.length === 0;
        if (!headerOk) {
          yield { type: 'problems', problems };
          return;
        }
        continue;
      }
      if (record.length !== columns.length) {
        yield {
          type: 'problems',
          problems: [
            { line, column: null, message: `Has ${record.length} fields; expected ${columns.length}.` },
          ],
        };
        continue;
      }
      const values: Record<string, string> = {};
      columns.forEach((column, i) => {
        values[column] = record[i] ?? '';
      });
      const result = parseRow(kind, values, line, context);
      yield result.ok ? { type: 'row', row: result.row } : { type: 'problems', problems: result.problems };
    }
  } catch (error) {
    yield { type: 'problems', problems: [csvProblem(error)] };
    return;
  } finally {
    parser.destroy();
  }
  if (skipped.length > 0) yield { type: 'problems', problems: skipped.splice(0) };
  if (header)
    yield { type: 'problems', problems: [{ line: 1, column: null, message: 'The file is empty.' }] };
}
