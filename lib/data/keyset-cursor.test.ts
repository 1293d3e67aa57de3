import { describe, expect, it } from 'vitest';
import {
  decodeCursor,
  encodeCursor,
  isBooleanText,
  isDateText,
  isIntegerText,
  isTimestampText,
} from './keyset-cursor';

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('keyset cursors (docs/decisions/0004: a forged cursor restarts from the first page)', () => {
  it('round-trips a cursor whose value its sort column can hold', () => {
    expect(decodeCursor(encodeCursor({ values: ['2026-11-02'], id: 7 }), [isDateText])).toEqual({
      values: ['2026-11-02'],
      id: 7,
    });
    expect(
      decodeCursor(encodeCursor({ values: ['2026-11-02 09:00:00.5+00'], id: 7 }), [isTimestampText]),
    ).toEqual({ values: ['2026-11-02 09:00:00.5+00'], id: 7 });
  });

  it('round-trips a cursor of a sort by several values, checking each against its own column', () => {
    const key = { values: ['false', '2026-11-02 09:00:00+00'], id: 9 };
    expect(decodeCursor(encodeCursor(key), [isBooleanText, isTimestampText])).toEqual(key);
    expect(decodeCursor(encodeCursor(key), [isTimestampText, isBooleanText])).toBeNull();
    expect(decodeCursor(encodeCursor({ values: ['3'], id: 9 }), [isIntegerText])).toEqual({
      values: ['3'],
      id: 9,
    });
    expect(decodeCursor(encodeCursor({ values: ['3; drop'], id: 9 }), [isIntegerText])).toBeNull();
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
    expect(decodeCursor(cursor, [isDateText])).toBeNull();
  });

  it.each(['2026-11-02 24:00:00+00', '2026-13-01 09:00:00+00', "2026-11-02 09:00:00+00'; drop", 'x'])(
    'rejects %j as a timestamp',
    (value) => {
      expect(isTimestampText(value)).toBe(false);
    },
  );
});
