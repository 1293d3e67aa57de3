import { describe, expect, it } from 'vitest';
import {
  type CellKind,
  type CsvProfile,
  csvCell,
  csvLines,
  csvStream,
  type ExportColumn,
  londonTimestamp,
  neutraliseFormula,
  UTF8_BOM,
} from './csv';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // Keep the BOM: TextDecoder drops it unless told not to.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const reader = stream.getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}

async function* batches<T>(...items: T[][]): AsyncGenerator<T[]> {
  for (const item of items) yield item;
}

interface Row {
  name: string;
  mpan: string | null;
  n: number;
}
const columns: ExportColumn<Row>[] = [
  { header: 'Name', kind: 'text', description: '', value: (r) => r.name },
  { header: 'MPAN', kind: 'identifier', description: '', value: (r) => r.mpan },
  { header: 'Count', kind: 'integer', description: '', value: (r) => r.n },
];

describe('CSV cells are safe in a spreadsheet (OWASP CSV injection)', () => {
  const table: [CellKind, string, CsvProfile, string][] = [
    ['text', '=1+2', 'excel', "'=1+2"],
    ['text', '+44 20 7946 0000', 'excel', "'+44 20 7946 0000"],
    ['text', '-2+3', 'plain', "'-2+3"],
    ['text', '@SUM(A1:A2)', 'excel', "'@SUM(A1:A2)"],
    ['text', '\tcmd', 'excel', "'\tcmd"],
    ['text', '\rcmd', 'plain', "'\rcmd"],
    ['text', '=HYPERLINK("http://evil.example")', 'plain', '\'=HYPERLINK("http://evil.example")'],
    ['text', 'Brightwater Energy', 'excel', 'Brightwater Energy'],
    ['text', 'a=b', 'excel', 'a=b'],
    ['code', '=cmd|/C calc!A0', 'excel', "'=cmd|/C calc!A0"],
    ['code', '12.9.1.ET01', 'excel', '12.9.1.ET01'],
    ['identifier', '1012345678901', 'excel', '="1012345678901"'],
    ['identifier', '1012345678901', 'plain', '1012345678901'],
    ['identifier', '0123456', 'excel', '="0123456"'],
    ['identifier', 'BRTW', 'excel', 'BRTW'],
    ['identifier', '=1+2', 'excel', "'=1+2"],
    ['identifier', '12"3', 'excel', '12"3'],
    ['integer', '', 'excel', ''],
    ['boolean', '', 'excel', ''],
  ];
  it.each(table)('%s %j (%s) → %j', (kind, value, profile, expected) => {
    expect(csvCell(kind, value, profile)).toBe(expected);
  });

  it('writes negative numbers as numbers, not as neutralised text', () => {
    expect(csvCell('integer', -12, 'excel')).toBe('-12');
    expect(csvCell('decimal', 87.5, 'plain')).toBe('87.5');
  });

  it('refuses a number column fed something that is not a number', () => {
    expect(() => csvCell('integer', '=1+2', 'excel')).toThrow(/Not a number/);
    expect(() => csvCell('decimal', Number.NaN, 'excel')).toThrow(/Not a number/);
  });

  it('neutralises only the six leading characters', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${c}x`)).toBe(`'${c}x`);
    for (const c of ['a', '1', ' ', "'", '"', '\n']) expect(neutraliseFormula(`${c}x`)).toBe(`${c}x`);
  });
});

describe('Timestamps are ISO 8601 in London time with the offset', () => {
  it.each([
    ['2026-11-02T09:00:00.000Z', '2026-11-02T09:00:00+00:00'],
    ['2026-07-01T09:00:00.000Z', '2026-07-01T10:00:00+01:00'],
    // Clocks go forward at 01:00 UTC on the last Sunday of March (29 March 2026) …
    ['2026-03-29T00:59:59.000Z', '2026-03-29T00:59:59+00:00'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00+01:00'],
    // … and back at 01:00 UTC on the last Sunday of October (25 October 2026).
    ['2026-10-25T00:59:59.000Z', '2026-10-25T01:59:59+01:00'],
    ['2026-10-25T01:00:00.000Z', '2026-10-25T01:00:00+00:00'],
    ['2025-12-31T23:30:00.000Z', '2025-12-31T23:30:00+00:00'],
  ])('%s → %s', (utc, london) => {
    expect(londonTimestamp(new Date(utc))).toBe(london);
  });

  it('agrees with the platform time zone database for every hour of a year', () => {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      timeZoneName: 'shortOffset',
    });
    for (let ms = Date.UTC(2027, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 3_600_000) {
      const offset = format.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
      expect(londonTimestamp(new Date(ms)).endsWith(offset === 'GMT+1' ? '+01:00' : '+00:00')).toBe(true);
    }
  });

  it('refuses an invalid date', () => {
    expect(() => londonTimestamp(new Date('nope'))).toThrow(/Invalid Date/);
  });
});

describe('RFC 4180 files', () => {
  it('quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    const text = csvLines(columns, [{ name: 'Ember, "Oak"\nEnergy', mpan: null, n: 3 }], 'plain', true);
    expect(text).toBe('Name,MPAN,Count\r\n"Ember, ""Oak""\nEnergy",,3\r\n');
  });

  it('starts an Excel file with a byte order mark and a script file without one', async () => {
    const rows = [{ name: 'A', mpan: '1012345678901', n: 1 }];
    const excel = await readAll(csvStream(columns, batches(rows), 'excel'));
    const plain = await readAll(csvStream(columns, batches(rows), 'plain'));
    expect(excel).toBe(`${UTF8_BOM}Name,MPAN,Count\r\nA,"=""1012345678901""",1\r\n`);
    expect(plain).toBe('Name,MPAN,Count\r\nA,1012345678901,1\r\n');
  });

  it('writes the header row even when there are no rows', async () => {
    expect(await readAll(csvStream(columns, batches(), 'plain'))).toBe('Name,MPAN,Count\r\n');
  });

  it('keeps every batch, in order', async () => {
    const a = { name: 'a', mpan: null, n: 1 };
    const b = { name: 'b', mpan: null, n: 2 };
    const text = await readAll(csvStream(columns, batches([a], [], [b, a]), 'plain'));
    expect(text.split('\r\n')).toEqual(['Name,MPAN,Count', 'a,,1', 'b,,2', 'a,,1', '']);
  });
});

describe('Streaming', () => {
  it('reads the next batch only when the client asks for more (memory stays at one batch)', async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<Row[]> {
      for (;;) {
        produced++;
        yield [{ name: 'x', mpan: null, n: produced }];
      }
    }
    const reader = csvStream(columns, endless(), 'plain').getReader();
    for (let i = 0; i < 4; i++) await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(produced).toBeLessThanOrEqual(5);
    await reader.cancel();
  });

  it('fails the download when the source fails part-way, so it never looks complete', async () => {
    const errors: unknown[] = [];
    async function* failing(): AsyncGenerator<Row[]> {
      yield [{ name: 'first', mpan: null, n: 1 }];
      throw new Error('connection lost');
    }
    await expect(readAll(csvStream(columns, failing(), 'plain', (e) => errors.push(e)))).rejects.toThrow(
      /connection lost/,
    );
    expect(errors).toHaveLength(1);
  });
});
