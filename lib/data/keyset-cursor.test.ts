import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, isDateText, isTimestampText } from './keyset-cursor';

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('keyset cursors (docs/decisions/0004: a forged cursor restarts from the first page)', () => {
  it('round-trips a cursor whose value its sort column can hold', () => {
    expect(decodeCursor(encodeCursor('2026-11-02', 7), isDateText)).toEqual(['2026-11-02', 7]);
    expect(decodeCursor(encodeCursor('2026-11-02 09:00:00.5+00', 7), isTimestampText)).toEqual([
      '2026-11-02 09:00:00.5+00',
      7,
    ]);
  });

  it.each([
    ['a value no date column holds', forged(['x', 1])],
    ['an impossible date', forged(['2026-02-31', 1])],
    ['an id that is not an integer', forged(['2026-11-02', 1.5])],
    ['an id beyond safe integers', forged(['2026-11-02', 2 ** 60])],
    ['extra elements', forged(['2026-11-02', 1, 'x'])],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['not base64url JSON at all', '%%%'],
  ])('restarts from the first page on %s', (_, cursor) => {
    expect(decodeCursor(cursor, isDateText)).toBeNull();
  });

  it.each(['2026-11-02 24:00:00+00', '2026-13-01 09:00:00+00', "2026-11-02 09:00:00+00'; drop", 'x'])(
    'rejects %j as a timestamp',
    (value) => {
      expect(isTimestampText(value)).toBe(false);
    },
  );
});
