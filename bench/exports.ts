/**
 * The export figures of `npm run bench` (docs/performance.md): the product's streamed CSV against PostgreSQL's own
 * `COPY (same query) TO STDOUT WITH CSV`, in the same process and run, with the process's peak RSS while exporting.
 */
import postgres from 'postgres';
import type { Viewer } from '@/lib/auth/viewer';
import { getExport } from '@/lib/exports/registry';
import { londonDate } from '@/lib/rules/weeks';

export interface ExportFigure {
  figure: string;
  rows: number;
  bytes: number;
  productMs: number;
  copyMs: number;
  peakRssMb: number;
  baseRssMb: number;
}

/** Peak resident memory while `fn` runs, sampled every 10 ms (the event loop yields between batches). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peak: number; base: number }> {
  global.gc?.();
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peak, base };
  } finally {
    clearInterval(timer);
  }
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<{ bytes: number; lines: number }> {
  const reader = stream.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, lines };
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  }
}

async function copyCsv(url: string, query: string): Promise<{ ms: number; lines: number }> {
  const client = postgres(url, { onnotice: () => {}, max: 1 });
  try {
    const started = performance.now();
    const readable = await client.unsafe(`COPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER)`).readable();
    let lines = 0;
    for await (const chunk of readable as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    }
    return { ms: performance.now() - started, lines };
  } finally {
    await client.end();
  }
}

// The same rows, columns and order as the product's queries (lib/data/installations.ts, lib/data/reports.ts).
const INSTALLATIONS_SQL = `select i.id, i.mpan, i.mprn, e.name, g.name, i.group_id, i.installation_type, i.split_supply,
  i.migration_week, i.stage, i.status, i.last_code, i.attempt_count, i.last_changed_at
  from installations i left join parties e on e.id = i.electricity_supplier_id
  left join parties g on g.id = i.gas_supplier_id order by i.last_changed_at desc, i.id desc`;
const report2Sql = (
  from: Date,
  to: Date,
) => `select ev.occurred_at, i.mpan, i.mprn, i.group_id, i.installation_type,
  ev.attempt, ev.stage, ev.status, ev.code, ev.failed_step, ev.scenario
  from installation_events ev join installations i on i.id = ev.installation_id
  where ev.status in ('failed', 'rolled-back') and ev.stage <> 'authorisation'
  and ev.occurred_at >= '${from.toISOString()}' and ev.occurred_at < '${to.toISOString()}'
  order by ev.occurred_at, ev.id`;

export async function measureExports(analyst: Viewer, url: string): Promise<ExportFigure[]> {
  const now = new Date();
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const cases = [
    {
      figure: 'installations, analyst, every row',
      name: 'installations',
      search: '',
      copy: INSTALLATIONS_SQL,
    },
    {
      figure: 'Report 2, analyst, last 365 days',
      name: 'report-2',
      search: `from=${londonDate(yearAgo)}&to=${londonDate(now)}`,
      copy: report2Sql(yearAgo, now),
    },
  ];
  const figures: ExportFigure[] = [];
  for (const c of cases) {
    const definition = getExport(c.name);
    if (!definition) throw new Error(`no export ${c.name}`);
    const prepared = definition.prepare(new URLSearchParams(c.search), now);
    if (!prepared.ok) throw new Error(prepared.message);
    const copy = await copyCsv(url, c.copy);
    const started = performance.now();
    const { result, peak, base } = await withPeakRss(() =>
      drain(prepared.stream(analyst, undefined, 'excel')),
    );
    const productMs = performance.now() - started;
    if (result.lines !== copy.lines) {
      throw new Error(`${c.figure}: the export has ${result.lines - 1} rows, COPY ${copy.lines - 1}`);
    }
    const figure: ExportFigure = {
      figure: c.figure,
      rows: result.lines - 1,
      bytes: result.bytes,
      productMs,
      copyMs: copy.ms,
      peakRssMb: Math.round(peak / 1_048_576),
      baseRssMb: Math.round(base / 1_048_576),
    };
    console.log(
      `  export ${c.figure}: ${figure.rows} rows, ${(productMs / 1000).toFixed(2)} s vs COPY ${(copy.ms / 1000).toFixed(2)} s (${(copy.ms / productMs).toFixed(2)}x), peak RSS ${figure.peakRssMb} MB`,
    );
    figures.push(figure);
  }
  return figures;
}
