import 'server-only';

/**
 * Exports read in keyset batches: an export of any size holds about one batch in memory and holds no database
 * connection between batches (a slow download cannot starve the pool, or block every request on PGlite).
 */

/** Rows per query: large enough that round trips do not dominate, small enough to stay a few MB. */
export const EXPORT_BATCH_SIZE = 5_000;

/**
 * Batches from a keyset query: `fetch(after, limit)` returns rows strictly after the key, in key order. The next
 * batch is requested while the caller is still encoding this one.
 */
export async function* keysetBatches<Row, Key>(
  fetch: (after: Key | null, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  size = EXPORT_BATCH_SIZE,
): AsyncGenerator<Row[]> {
  let pending: Promise<Row[]> | null = fetch(null, size);
  while (pending) {
    const rows: Row[] = await pending;
    const last = rows.at(-1);
    pending = rows.length === size && last !== undefined ? fetch(keyOf(last), size) : null;
    // If the consumer stops early the prefetch is never awaited: its failure must not crash the process.
    pending?.catch(() => {});
    if (rows.length > 0) yield rows;
  }
}

/** Every batch of a report in one array: for tests and small reports only. */
export async function collect<Row>(batches: AsyncIterable<readonly Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const batch of batches) rows.push(...batch);
  return rows;
}
