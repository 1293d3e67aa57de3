/**
 * `npm run bench`: seeds PostgreSQL databases at 100,000 and 10,000,000 installations with the seed
 * generator, then times the data layer's real functions (median of repeated runs in this one process)
 * and prints a table with the 10M / 100k ratios. See docs/performance.md.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench [-- --sizes 100000,10000000 --reseed]
 *
 * `--rls-only` times only the row-level security comparison (policies on and off, same process).
 *
 * Each size gets its own database (<prefix>_<size>, prefix mcc_bench unless --prefix is given), kept between runs
 * unless --reseed is given.
 */
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { desc, sql } from 'drizzle-orm';
import { type Database, queryRows, setDatabase } from '@/db/client';
import { installations, parties, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import {
  getDemandTrend,
  getPlannedVolume,
  getReport8,
  getShortfallReasons,
  listDemandParties,
  listDemandWeeks,
  resolveDemandScope,
} from '@/lib/data/demand';
import { listIncidentQueue, queueCursorAfter } from '@/lib/data/incident-queue';
import { getIncident } from '@/lib/data/incidents';
import { countInstallations, getInstallationTimeline, listInstallations } from '@/lib/data/installations';
import { encodeCursor } from '@/lib/data/keyset-cursor';
import { countNextMoves } from '@/lib/data/next-move-counts';
import { getOverview } from '@/lib/data/overview';
import { report2Batches } from '@/lib/data/reports';
import { installationsVisibleTo, withViewerScope } from '@/lib/data/scope';
import { getTriageBacklog, getTriageQueue, triageCursor } from '@/lib/data/triage';
import { decideTriage } from '@/lib/data/triage-decisions';
import { FAILED_DORMANT, UNDECIDED } from '@/lib/data/triage-sql';
import { incidentQueueSchema } from '@/lib/filters/incidents';
import { installationListSchema } from '@/lib/filters/installations';
import { triageListSchema } from '@/lib/filters/triage';
import { lastCompleteMigrationWeek } from '@/lib/rules/demand';
import { earliestTriageWeek } from '@/lib/rules/triage';
import { currentAndPreviousWeek } from '@/lib/rules/weeks';
import { benchDatabaseUrl, benchServerUrl, prepareBenchDatabase } from './databases';
import { measureExports } from './exports';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,10000000' },
    runs: { type: 'string', default: '25' },
    reseed: { type: 'boolean', default: false },
    /** Database name prefix, so benches of different branches never share (and half-migrate) a database. */
    prefix: { type: 'string', default: 'mcc_bench' },
    /** Only the row-level security comparison (docs/decisions/0014-row-level-security.md). */
    'rls-only': { type: 'boolean', default: false },
  },
});
const serverUrl = benchServerUrl();
const sizes = (values.sizes ?? '').split(',').map(Number);
const runs = Number(values.runs);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm the plan and buffer caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const analyst: Viewer = {
  userId: 'bench',
  name: 'Bench',
  email: 'bench@x',
  role: 'analyst',
  supplierId: null,
};
const results = new Map<string, Map<number, number>>();
const exportResults: ({ size: number } & Awaited<ReturnType<typeof measureExports>>[number])[] = [];
const record = (figure: string, size: number, ms: number) => {
  if (!results.has(figure)) results.set(figure, new Map());
  results.get(figure)?.set(size, ms);
};

for (const size of sizes) {
  console.log(`\n${size.toLocaleString('en-GB')} installations`);
  const handle = await prepareBenchDatabase(serverUrl, values.prefix as string, size, values.reseed);
  setDatabase(handle);
  const db = handle.db;
  // The largest and the smallest supplier by installations.
  const bySize = await queryRows<{ id: number; n: number }>(
    db,
    sql`select p.id, count(*)::int as n from ${parties} p join ${installations} i
        on i.electricity_supplier_id = p.id or i.gas_supplier_id = p.id
        where p.role = 'supplier' group by p.id order by n desc`,
  );
  const big = bySize[0];
  const small = bySize.at(-1);
  if (!big || !small) throw new Error('no suppliers seeded');
  const supplier = (id: number): Viewer => ({ ...analyst, role: 'supplier', supplierId: id });
  const weeks = currentAndPreviousWeek(new Date());
  const firstPage = installationListSchema.parse({});

  // A cursor ~90% of the way through the newest-change-first order: a deep page.
  const deepCursor = async (viewer: Viewer) => {
    const total = viewer.role === 'supplier' ? (viewer.supplierId === big.id ? big.n : small.n) : size;
    const [row] = await db
      .select({ changed: sql<string>`${installations.lastChangedAt}::text`, id: installations.id })
      .from(installations)
      .where(installationsVisibleTo(viewer))
      .orderBy(desc(installations.lastChangedAt), desc(installations.id))
      .offset(Math.floor(total * 0.9))
      .limit(1);
    if (!row) throw new Error('no deep row');
    return installationListSchema.parse({
      sort: 'changed',
      dir: 'desc',
      cursor: encodeCursor({ values: [row.changed], id: row.id }),
    });
  };

  const figures: [string, () => Promise<unknown>][] = [
    ['overview, analyst', () => getOverview(analyst, {}, weeks)],
    ['overview, largest supplier', () => getOverview(supplier(big.id), {}, weeks)],
    ['overview, smallest supplier', () => getOverview(supplier(small.id), {}, weeks)],
    [
      'overview, analyst, failed in GroupID CB',
      () => getOverview(analyst, { groupId: 'CB', status: 'failed' }, weeks),
    ],
    [
      'overview, analyst, this week (the default)',
      () => getOverview(analyst, { weekFrom: weeks.current, weekTo: weeks.current }, weeks),
    ],
    ['next moves by kind, analyst, all weeks', () => countNextMoves(analyst, {})],
    ['next moves by kind, largest supplier, all weeks', () => countNextMoves(supplier(big.id), {})],
    ['list count, analyst (rollups)', () => countInstallations(analyst, firstPage)],
    ['list page 1, analyst', () => listInstallations(analyst, firstPage)],
  ];
  const analystDeep = await deepCursor(analyst);
  figures.push(['list deep page (90%), analyst', () => listInstallations(analyst, analystDeep)]);
  figures.push(['list page 1, largest supplier', () => listInstallations(supplier(big.id), firstPage)]);
  const supplierDeep = await deepCursor(supplier(big.id));
  figures.push([
    'list deep page (90%), largest supplier',
    () => listInstallations(supplier(big.id), supplierDeep),
  ]);
  // The Next move column's owner and move filters (lib/data/next-move-sql.ts): a common owner, a rare one.
  for (const owner of ['mcc', 's1sp'] as const) {
    const query = installationListSchema.parse({ owner });
    figures.push([`list page 1, analyst, next move ${owner}`, () => listInstallations(analyst, query)]);
    figures.push([`list count, analyst, next move ${owner}`, () => countInstallations(analyst, query)]);
  }
  const yourMove = installationListSchema.parse({ move: 'supplier-reschedule' });
  figures.push([
    'list page 1, largest supplier, one of its moves',
    () => listInstallations(supplier(big.id), yourMove),
  ]);
  figures.push([
    'list page 1, analyst, failed sorted by week',
    () =>
      listInstallations(
        analyst,
        installationListSchema.parse({ status: 'failed', sort: 'week', dir: 'asc' }),
      ),
  ]);

  // Every sort the list offers, page 1 and its second page, in its default direction (docs/performance.md).
  for (const sort of ['code', 'stage', 'attempts', 'week'] as const) {
    const first = installationListSchema.parse({ sort });
    figures.push([`list page 1, analyst, by ${sort}`, () => listInstallations(analyst, first)]);
    const next = (await listInstallations(analyst, first)).nextCursor ?? undefined;
    const second = installationListSchema.parse({ sort, cursor: next });
    figures.push([`list page 2, analyst, by ${sort}`, () => listInstallations(analyst, second)]);
  }

  // The demand page's data, as the page asks for it (docs/decisions/0008-demand-one-truth.md).
  const demandPage = async (viewer: Viewer) => {
    const now = new Date();
    const latest = lastCompleteMigrationWeek(now);
    const [scope] = await Promise.all([
      resolveDemandScope(viewer, latest, undefined),
      listDemandWeeks(viewer, latest),
      listDemandParties(viewer),
    ]);
    await Promise.all([
      getReport8(viewer, scope),
      getShortfallReasons(viewer, scope),
      getDemandTrend(viewer, scope),
      getPlannedVolume(viewer, scope.party, now),
    ]);
  };
  figures.push(['demand page data, analyst', () => demandPage(analyst)]);
  figures.push(['demand page data, largest supplier', () => demandPage(supplier(big.id))]);
  figures.push(...(await incidentFigures(db, supplier(big.id))));
  // MEHRS 4 dormant triage: the queue's first page (with its counts by advice), a page 90% deep, the backlog.
  const triageFirst = triageListSchema.parse({});
  figures.push(['triage queue page 1 + counts by advice', () => getTriageQueue(analyst, triageFirst)]);
  const triageTotal = (await getTriageQueue(analyst, triageFirst)).counts.total;
  const [triageDeepRow] = await queryRows<{ changed: string; id: number }>(
    db,
    sql`select last_changed_at::text as changed, id from installations
        where ${FAILED_DORMANT} and ${UNDECIDED}
        order by last_changed_at, id offset ${Math.floor(triageTotal * 0.9)} limit 1`,
  );
  if (triageDeepRow) {
    const deep = triageListSchema.parse({
      cursor: triageCursor(triageDeepRow.changed, Number(triageDeepRow.id)),
    });
    figures.push(['triage queue deep page (90%) + counts', () => getTriageQueue(analyst, deep)]);
  }
  figures.push(['triage backlog (overview panel)', () => getTriageBacklog(analyst)]);
  console.log(`  (triage queue: ${triageTotal} installations awaiting a decision)`);

  // The child tables' policies (EXISTS on the parent): one installation's timeline, a week of Report 2.
  const [bigsFirst] = await queryRows<{ id: number }>(
    db,
    sql`select id from installations where electricity_supplier_id = ${big.id} order by id limit 1`,
  );
  const lastWeek = {
    from: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
    to: new Date().toISOString().slice(0, 10),
  };
  const firstBatch = async (batches: AsyncGenerator<unknown>) => {
    await batches.next();
    await batches.return(undefined);
  };
  await measureRowSecurity(db, size, [
    ['overview, analyst', () => getOverview(analyst, {}, weeks)],
    ['overview, largest supplier', () => getOverview(supplier(big.id), {}, weeks)],
    ['list page 1, analyst', () => listInstallations(analyst, firstPage)],
    ['list page 1, largest supplier', () => listInstallations(supplier(big.id), firstPage)],
    ['timeline, largest supplier', () => getInstallationTimeline(supplier(big.id), Number(bigsFirst?.id))],
    [
      'report 2 first batch (7 days), largest supplier',
      () => firstBatch(report2Batches(supplier(big.id), { period: lastWeek })),
    ],
  ]);
  if (values['rls-only']) {
    await handle.close();
    continue;
  }

  for (const [figure, fn] of figures) {
    const ms = await time(fn);
    record(figure, size, ms);
    console.log(`  ${figure.padEnd(46)} ${ms.toFixed(2).padStart(9)} ms`);
  }
  for (const figure of await measureExports(
    analyst,
    benchDatabaseUrl(serverUrl, values.prefix as string, size),
  )) {
    exportResults.push({ size, ...figure });
  }
  // A bulk reschedule of up to 10,000 Dormant/Dormant installations, timed once: it changes the data, so a later
  // run without --reseed has a shorter queue.
  const bulkIds = await queryRows<{ id: number }>(
    db,
    sql`select id from installations where ${FAILED_DORMANT} and ${UNDECIDED}
        and installation_type = 'dormant-dormant' order by last_changed_at, id limit 10000`,
  );
  if (bulkIds.length > 0) {
    await db
      .insert(users)
      .values({ id: analyst.userId, name: 'Bench', email: 'bench@x', role: 'analyst' })
      .onConflictDoNothing();
    const started = performance.now();
    const report = await decideTriage(analyst, {
      submissionId: crypto.randomUUID(),
      detail: { decision: 'reschedule', week: earliestTriageWeek(new Date()) },
      note: null,
      overruleReason: 'Bench: every installation into the earliest week',
      supplierVisible: false,
      target: { kind: 'installations', ids: bulkIds.map((r) => Number(r.id)), state: 'undecided' },
    });
    const ms = performance.now() - started;
    const done = report.items.filter((i) => i.outcome === 'done').length;
    record(`bulk reschedule (${bulkIds.length} asked, once)`, size, ms);
    console.log(`  bulk reschedule of ${bulkIds.length} (${done} done) ${ms.toFixed(0).padStart(9)} ms`);
  }
  const [rollupRows] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from installation_rollups`,
  );
  console.log(
    `  (rollup rows: ${rollupRows?.n}; suppliers ${bySize.length}, largest ${big.n}, smallest ${small.n})`,
  );
  await handle.close();
}

/**
 * The second wall's cost: the same data functions with the policies of every row-secured table on and off (the
 * scoped role and its transaction stay in both), in this one process, in alternating rounds so that the load of a
 * shared machine falls on both sides alike; then the scoped transaction itself, with no query in it.
 */
async function measureRowSecurity(db: Database, size: number, figures: [string, () => Promise<unknown>][]) {
  const tables = (
    await queryRows<{ table: string }>(
      db,
      sql`select relname as table from pg_class where relrowsecurity and relnamespace = 'public'::regnamespace`,
    )
  ).map((r) => r.table);
  const setRowSecurity = async (on: boolean) => {
    for (const table of tables) {
      await db.execute(sql.raw(`ALTER TABLE "${table}" ${on ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`));
    }
  };
  const rounds = 5;
  try {
    for (const [figure, fn] of figures) {
      const samples = { on: [] as number[], off: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        for (const state of ['on', 'off'] as const) {
          await setRowSecurity(state === 'on');
          await fn(); // plans again after the switch
          for (let i = 0; i < Math.ceil(runs / rounds); i++) {
            const started = performance.now();
            await fn();
            samples[state].push(performance.now() - started);
          }
        }
      }
      const [on, off] = [median(samples.on), median(samples.off)];
      record(`${figure}, RLS on`, size, on);
      record(`${figure}, RLS off`, size, off);
      console.log(
        `  ${`${figure}: RLS on / off`.padEnd(46)} ${on.toFixed(2).padStart(9)} / ${off.toFixed(2)} ms = ${(on / off).toFixed(2)}x`,
      );
    }
  } finally {
    await setRowSecurity(true);
  }
  const scoped = await time(() => withViewerScope(analyst, async () => undefined));
  record('row scope: an empty scoped transaction', size, scoped);
  console.log(`  ${'row scope: an empty scoped transaction'.padEnd(46)} ${scoped.toFixed(2).padStart(9)} ms`);
}

/**
 * The incident desk: the queue's first page and a deep page (all statuses, so the deep page exists), for the MCC
 * and for the largest supplier, and the incident page of the incident with the most affected installations.
 */
async function incidentFigures(
  db: Database,
  bigSupplier: Viewer,
): Promise<[string, () => Promise<unknown>][]> {
  const all = incidentQueueSchema.parse({ status: 'all' });
  const [busiest] = await queryRows<{ id: number }>(
    db,
    sql`select incident_id as id from incident_installations group by incident_id order by count(*) desc limit 1`,
  );
  const figures: [string, () => Promise<unknown>][] = [];
  for (const [who, viewer] of [
    ['analyst', analyst],
    ['largest supplier', bigSupplier],
  ] as const) {
    figures.push([
      `incident queue page 1, ${who}`,
      () => listIncidentQueue(viewer, incidentQueueSchema.parse({})),
    ]);
    const cursor = await queueCursorAfter(viewer, all, 50);
    figures.push([
      `incident queue deep page (all statuses), ${who}`,
      () => listIncidentQueue(viewer, { ...all, cursor }),
    ]);
  }
  if (busiest) figures.push(['incident page, analyst', () => getIncident(analyst, busiest.id)]);
  return figures;
}

const [low, high] = [Math.min(...sizes), Math.max(...sizes)];
console.log(
  `\n| figure | ${low.toLocaleString('en-GB')} (ms) | ${high.toLocaleString('en-GB')} (ms) | ratio |`,
);
console.log('|---|---:|---:|---:|');
for (const [figure, bySize] of results) {
  const a = bySize.get(low);
  const b = bySize.get(high);
  const ratio = a && b ? (b / a).toFixed(2) : '—';
  console.log(`| ${figure} | ${a?.toFixed(2) ?? '—'} | ${b?.toFixed(2) ?? '—'} | ${ratio} |`);
}

console.log(
  '\n| export | installations | rows | product (s) | product rows/s | COPY (s) | COPY rows/s | ratio | peak RSS (MB) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const e of exportResults) {
  console.log(
    `| ${e.figure} | ${e.size.toLocaleString('en-GB')} | ${e.rows.toLocaleString('en-GB')} | ${(e.productMs / 1000).toFixed(2)} | ${Math.round(e.rows / (e.productMs / 1000)).toLocaleString('en-GB')} | ${(e.copyMs / 1000).toFixed(2)} | ${Math.round(e.rows / (e.copyMs / 1000)).toLocaleString('en-GB')} | ${(e.copyMs / e.productMs).toFixed(2)} | ${e.peakRssMb} (from ${e.baseRssMb}) |`,
  );
}
