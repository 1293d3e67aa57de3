import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from '@/lib/data/imports/kinds';
import { readRows } from '@/lib/data/imports/read';

const context = { suppliers: new Set(['BRTW', 'NVLP']) };

/** Cells that are sometimes valid, sometimes hostile: quotes, separators, control characters, huge, unicode. */
const cell = fc.oneof(
  fc.constantFrom(
    '',
    'BRTW',
    'DCC',
    '2026-11-30',
    '2026-12-01',
    '1234567890123',
    '123456789',
    'Y',
    'N',
    'success',
    'failure',
    'commissioned',
    'failed',
    'rolled-back',
    '12.9.1.ET01',
    'E48',
    'MA006',
    '5.10',
    '1',
    '0A1|CA',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom(
    '"',
    '""',
    '"a,b"',
    '\r',
    '\n',
    '\u0000',
    ',',
    ';',
    '|',
    '-1',
    '9'.repeat(40),
    'x'.repeat(600),
  ),
);

function fileFor(kind: ImportKind) {
  const columns = IMPORT_COLUMNS[kind].length;
  const row = fc
    .array(cell, { minLength: columns - 1, maxLength: columns + 1 })
    .map((cells) => cells.join(','));
  return fc
    .tuple(fc.boolean(), fc.array(row, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
    .map(([header, rows, eol]) =>
      [header ? IMPORT_COLUMNS[kind].join(',') : 'junk,header', ...rows].join(eol),
    );
}

async function readAll(kind: ImportKind, text: string | Buffer) {
  let rows = 0;
  const problems: { line: number; column: string | null; message: string }[] = [];
  for await (const event of readRows(
    kind,
    Readable.from([typeof text === 'string' ? Buffer.from(text) : text]),
    context,
  )) {
    if (event.type === 'row') rows++;
    else problems.push(...event.problems);
  }
  return { rows, problems };
}

describe.each(IMPORT_KINDS)('The %s parser under random and hostile input', (kind) => {
  it('never throws, and every problem names a line and says something', async () => {
    await fc.assert(
      fc.asyncProperty(fileFor(kind), async (text) => {
        const { problems } = await readAll(kind, text);
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(0);
          expect(p.message.length).toBeGreaterThan(0);
          if (p.column !== null) expect(IMPORT_COLUMNS[kind] as readonly string[]).toContain(p.column);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const { rows, problems } = await readAll(kind, Buffer.from(bytes));
        expect(rows + problems.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('a header-only file has no rows and no problems; a wrong header is one problem on line 1', async () => {
    expect(await readAll(kind, `${IMPORT_COLUMNS[kind].join(',')}\n`)).toEqual({ rows: 0, problems: [] });
    const wrong = await readAll(kind, 'a,b\n1,2\n');
    expect(wrong.problems).toHaveLength(1);
    expect(wrong.problems[0]).toMatchObject({ line: 1, column: null });
  });
});
