/**
 * `npm run bench:pages`: whole pages as a user gets them (docs/performance.md "Whole pages"). For each size it
 * starts the production build against the database `npm run bench` seeds (`<prefix>_<size>`, seeded here when
 * missing), signs in as the analyst and as the largest supplier through the login form, and times every page to
 * the last byte of its HTML (median and p95 of repeated requests), the installations list over every filter × sort
 * × direction combination its URL schema allows (the worst reported), and a ~1,000-row CSV export. It then records
 * the compressed JavaScript each page makes Chromium download, and prints the tables with the ratio between sizes.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:pages -- --sizes 100000,1000000
 *   npm run bench:pages -- --sizes '' --pglite 60000        # the embedded database only (no server needed)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { isSeeded, seedDatabase } from '@/db/seed';
import { FIRST_LOAD_JS_BUDGET_BYTES, measurePageJs } from '@/e2e/first-load-js';
import {
  ANALYST_EMAIL,
  fetchText,
  launchBrowser,
  percentile,
  type Session,
  signIn,
  startApp,
  timeRequest,
} from './app';
import { benchDatabaseUrl, benchServerUrl, prepareBenchDatabase } from './databases';
import { type Fixtures, readFixtures, type Viewer } from './fixtures';
import { listCombinations } from './list-combinations';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    prefix: { type: 'string', default: 'mcc_bench' },
    /** Also measure the embedded PGlite database at this many installations (0: not at all). */
    pglite: { type: 'string', default: '0' },
    runs: { type: 'string', default: '15' },
    'combination-runs': { type: 'string', default: '5' },
    port: { type: 'string', default: '3290' },
  },
});
const sizes = (values.sizes ?? '').split(',').filter(Boolean).map(Number);
const pgliteSize = Number(values.pglite);
const runs = Number(values.runs);
const combinationRuns = Number(values['combination-runs']);
const port = Number(values.port);

interface Figure {
  median: number;
  p95: number;
}
/** figure → column (a size, or "PGlite …") → timing. */
const pageTimes = new Map<string, Map<string, Figure>>();
const worstCombination = new Map<string, { query: string; figure: Figure }>();
const combinationTimes = new Map<string, Map<string, number>>();
const javascript = new Map<string, Awaited<ReturnType<typeof measurePageJs>>>();

async function timePage(
  baseUrl: string,
  url: string,
  cookie: string,
  repeat: number,
): Promise<Figure | null> {
  for (let i = 0; i < 2; i++) await timeRequest(baseUrl, url, cookie); // warm the plan and buffer caches
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const timed = await timeRequest(baseUrl, url, cookie);
    if (timed.status === 404) return null; // a page this viewer may not open
    if (timed.status !== 200) throw new Error(`${url} answered ${timed.status}`);
    samples.push(timed.ms);
  }
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** The first link to `/<area>/<id>` on a page, as a user would follow it. */
async function firstLink(
  baseUrl: string,
  page: string,
  area: string,
  cookie: string,
): Promise<string | null> {
  const html = await fetchText(baseUrl, page, cookie);
  return html.match(new RegExp(`href="(/${area}/\\d+)"`))?.[1] ?? null;
}

async function pagesOf(baseUrl: string, viewer: Viewer, cookie: string): Promise<[string, string][]> {
  const timeline = await firstLink(baseUrl, '/installations?status=failed', 'installations', cookie);
  const incident =
    (await firstLink(baseUrl, '/incidents', 'incidents', cookie)) ??
    (await firstLink(baseUrl, '/incidents?status=all', 'incidents', cookie));
  const pages: [string, string | null][] = [
    ['overview', '/'],
    ['installations, page 1', '/installations'],
    ['installations, deep page (90%)', `/installations?cursor=${viewer.deepCursor}`],
    ['installations, failed by week, page 1', '/installations?status=failed&sort=week&dir=asc'],
    [
      'installations, failed by week, deep page',
      `/installations?status=failed&sort=week&dir=asc&cursor=${viewer.failedByWeekDeepCursor}`,
    ],
    ['installation timeline', timeline],
    ['incident queue', '/incidents'],
    ['incident', incident],
    ['triage queue', '/triage'],
    ['demand', '/demand'],
    ['reports', '/reports'],
    ['CSV export (~1,000 rows)', `/api/exports/installations?code=${viewer.exportCode}`],
  ];
  return pages.filter((p): p is [string, string] => p[1] !== null);
}

function record(figure: string, column: string, timing: Figure) {
  if (!pageTimes.has(figure)) pageTimes.set(figure, new Map());
  pageTimes.get(figure)?.set(column, timing);
}

async function measure(column: string, env: Record<string, string>, fixtures: Fixtures) {
  console.log(`\n${column}: starting the app…`);
  const app = await startApp(port, env);
  const browser = await launchBrowser();
  try {
    const sessions = new Map<Viewer, Session>();
    for (const viewer of fixtures.viewers)
      sessions.set(viewer, await signIn(browser, app.baseUrl, viewer.email));
    for (const viewer of fixtures.viewers) {
      const { cookie } = sessions.get(viewer) as Session;
      for (const [figure, url] of await pagesOf(app.baseUrl, viewer, cookie)) {
        const timing = await timePage(app.baseUrl, url, cookie, runs);
        if (!timing) continue;
        record(`${figure}, ${viewer.label}`, column, timing);
        console.log(
          `  ${`${figure}, ${viewer.label}`.padEnd(56)} ${timing.median.toFixed(1).padStart(8)} ms (p95 ${timing.p95.toFixed(1)})`,
        );
      }
    }
    // The list over every combination the UI can produce, as the analyst (who may combine all of them).
    const analyst = fixtures.viewers[0] as Viewer;
    const { cookie, storageState } = sessions.get(analyst) as Session;
    let worst: { query: string; figure: Figure } | null = null;
    const combinations = listCombinations(fixtures.free);
    for (const combination of combinations) {
      const query = new URLSearchParams(combination).toString();
      const timing = (await timePage(
        app.baseUrl,
        `/installations?${query}`,
        cookie,
        combinationRuns,
      )) as Figure;
      if (!combinationTimes.has(query)) combinationTimes.set(query, new Map());
      combinationTimes.get(query)?.set(column, timing.median);
      if (!worst || timing.median > worst.figure.median) worst = { query, figure: timing };
    }
    if (worst) {
      worstCombination.set(column, worst);
      console.log(
        `  list, worst of ${combinations.length} combinations: ${worst.query} ${worst.figure.median.toFixed(1)} ms`,
      );
    }
    // JavaScript is the same build at every size: measured once, on the first column.
    if (javascript.size === 0) {
      const measured = new Set<string>();
      for (const [figure, url] of await pagesOf(app.baseUrl, analyst, cookie)) {
        // One figure per route: the list's filtered and deep pages load the same scripts as its first page.
        const route = new URL(url, app.baseUrl).pathname;
        if (route.startsWith('/api/') || measured.has(route)) continue;
        measured.add(route);
        javascript.set(figure, await measurePageJs(browser, `${app.baseUrl}${url}`, storageState));
      }
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

for (const size of sizes) {
  const serverUrl = benchServerUrl();
  const prefix = values.prefix as string;
  const handle = await prepareBenchDatabase(serverUrl, prefix, size);
  const fixtures = await readFixtures(handle.db, ANALYST_EMAIL);
  await handle.close();
  await measure(
    size.toLocaleString('en-GB'),
    { DATABASE_URL: benchDatabaseUrl(serverUrl, prefix, size) },
    fixtures,
  );
}

if (pgliteSize > 0) {
  // A data directory of its own, seeded once and kept: the embedded database as `npm start` makes it.
  const dataRoot = path.resolve('.data', `bench-pglite-${pgliteSize}`);
  const handle = await openDatabase({ dataDir: path.join(dataRoot, 'pglite') });
  if (!(await isSeeded(handle))) {
    console.log(`Seeding the embedded database with ${pgliteSize} installations…`);
    await seedDatabase(handle, { installations: pgliteSize, seed: 1, now: new Date() });
  }
  const fixtures = await readFixtures(handle.db, ANALYST_EMAIL);
  await handle.close();
  fs.mkdirSync(dataRoot, { recursive: true });
  await measure(`PGlite ${pgliteSize.toLocaleString('en-GB')}`, { MCC_DATA_DIR: dataRoot }, fixtures);
}

// ── Tables ────────────────────────────────────────────────────────────────────────────────────────────────────
const columns = [...new Set([...pageTimes.values()].flatMap((m) => [...m.keys()]))];
const postgresColumns = columns.filter((c) => !c.startsWith('PGlite'));
const [low, high] = [postgresColumns[0], postgresColumns.at(-1)];
const ratio = (a?: number, b?: number) => (a && b && low !== high ? (b / a).toFixed(2) : '—');
const ms = (f?: Figure) => (f ? `${f.median.toFixed(1)} (p95 ${f.p95.toFixed(1)})` : '—');

console.log(`\nServer response time, ms to the last byte: median (p95) of ${runs} requests\n`);
console.log(`| page | ${columns.join(' | ')} | ratio |`);
console.log(`|---|${columns.map(() => '---:|').join('')}---:|`);
for (const [figure, byColumn] of pageTimes) {
  const cells = columns.map((c) => ms(byColumn.get(c)));
  console.log(
    `| ${figure} | ${cells.join(' | ')} | ${ratio(byColumn.get(low ?? '')?.median, byColumn.get(high ?? '')?.median)} |`,
  );
}
const worstCells = columns.map((c) => {
  const w = worstCombination.get(c);
  return w ? `${w.figure.median.toFixed(1)} (\`${w.query}\`)` : '—';
});
console.log(`| list, slowest combination (analyst) | ${worstCells.join(' | ')} | — |`);

if (low && high && low !== high) {
  const byRatio = [...combinationTimes]
    .map(([query, byColumn]) => ({ query, a: byColumn.get(low), b: byColumn.get(high) }))
    .filter((r): r is { query: string; a: number; b: number } => r.a !== undefined && r.b !== undefined)
    .sort((x, y) => y.b / y.a - x.b / x.a);
  console.log(
    `\nList combinations with the largest ${high} / ${low} ratio (median of ${combinationRuns}, ms)\n`,
  );
  console.log(`| combination | ${low} | ${high} | ratio |\n|---|---:|---:|---:|`);
  for (const r of byRatio.slice(0, 8)) {
    console.log(`| \`${r.query}\` | ${r.a.toFixed(1)} | ${r.b.toFixed(1)} | ${(r.b / r.a).toFixed(2)} |`);
  }
}

console.log('\nJavaScript per page (Chromium, empty cache, compressed bytes on the wire), analyst\n');
console.log('| page | first load (kB) | scripts | with lazy chunks (kB) |\n|---|---:|---:|---:|');
const overBudget: string[] = [];
for (const [figure, js] of javascript) {
  if (js.firstLoadBytes > FIRST_LOAD_JS_BUDGET_BYTES) overBudget.push(figure);
  console.log(
    `| ${figure} | ${(js.firstLoadBytes / 1000).toFixed(1)} | ${js.firstLoadScripts} | ${(js.totalBytes / 1000).toFixed(1)} |`,
  );
}
if (overBudget.length > 0) {
  // e2e/bundle-budget.spec.ts fails `npm test` on the same measurement.
  console.log(`\nOver the ${FIRST_LOAD_JS_BUDGET_BYTES / 1000} kB budget: ${overBudget.join(', ')}`);
}
