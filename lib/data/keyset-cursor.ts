/**
 * Keyset cursors: the last row's sort values and id as an opaque base64url token, so page 1,000 costs what page 1
 * does. A sort may order by several values (failures first, then by age). Anything that does not decode to values
 * the sort's columns can hold restarts from the first page (docs/decisions/0004): a forged cursor must never reach
 * the database as a cast that fails.
 */
export interface CursorKey {
  values: string[];
  id: number;
}

export function encodeCursor({ values, id }: CursorKey): string {
  return Buffer.from(JSON.stringify([...values, id])).toString('base64url');
}

/** `validators` holds one check per sort value, in order. */
export function decodeCursor(
  cursor: string | undefined,
  validators: readonly ((value: string) => boolean)[],
): CursorKey | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (!Array.isArray(parsed) || parsed.length !== validators.length + 1) return null;
    const values = parsed.slice(0, -1);
    const id: unknown = parsed.at(-1);
    const valid = values.every((v, i) => typeof v === 'string' && validators[i]?.(v));
    if (valid && Number.isSafeInteger(id)) return { values, id: id as number };
  } catch {
    // Not base64url JSON: restart from the first page.
  }
  return null;
}

/** A whole number as PostgreSQL prints a smallint or integer. */
export function isIntegerText(value: string): boolean {
  return /^-?\d{1,9}$/.test(value);
}

/** A boolean as PostgreSQL prints one in text. */
export function isBooleanText(value: string): boolean {
  return value === 'true' || value === 'false';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/** A real calendar date as PostgreSQL prints it (`2026-11-02`); 2026-02-31 is not one. */
export function isDateText(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A timestamp as PostgreSQL prints a timestamptz (`2026-11-02 09:00:00.123+00`) or as ISO 8601. */
export function isTimestampText(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match?.[1] || !isDateText(match[1])) return false;
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map(Number) as [number, number, number];
  return hours < 24 && minutes < 60 && seconds < 60;
}
