/**
 * `npm run bench:load`: the dashboard under load (docs/performance.md "Under load"). This process is the load
 * generator; the app runs in a second process on loopback. It signs in `--users` people through the login form,
 * measures each page's idle median, then lets them browse the overview, the list, timelines and the queues for
 * `--seconds`, each waiting 2–5 s between pages, while (on PostgreSQL) `npm run import` loads a `--import-rows`-row
 * Commissioning File in a third process. It prints p50/p95/p99 per page, the errors, the p95 under load over the
 * idle median, and then the saturation point: `--clients` clients without pause for `--saturation-seconds`, with
 * where the time went (the app's CPU, PostgreSQL's busy connections).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:load -- --size 100000
 *   npm run bench:load -- --pglite 60000 --users 10           # the embedded database
 *
 * On PostgreSQL it works on a copy (`<prefix>_load`, made from `<prefix>_<size>` as a template) with the import's
 * installations added, so the seeded database stays as `npm run bench` left it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { isSeeded, seedDatabase } from '@/db/seed';
import { currentAndPreviousWeek } from '@/lib/rules/weeks';
import { ANALYST_EMAIL, launchBrowser, percentile, type Session, signIn, startApp, timeRequest } from './app';
import { loadDeviceValidation, writeCommissioningFile } from './commissioning-file';
import { benchDatabaseUrl, benchServerUrl, prepareBenchDatabase } from './databases';
import { type Fixtures, readFixtures, type Viewer } from './fixtures';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    prefix: { type: 'string', default: 'mcc_bench' },
    pglite: { type: 'string', default: '0' },
    users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    'import-rows': { type: 'string', default: '200000' },
    clients: { type: 'string', default: '10' },
    'saturation-seconds': { type: 'string', default: '20' },
    port: { type: 'string', default: '3291' },
  },
});
const users = Number(values.users);
const seconds = Number(values.seconds);
const importRows = Number(values['import-rows']);
const pgliteSize = Number(values.pglite);
const prefix = values.prefix as string;

/** What a person browses, with how often they open it. */
const BROWSING: { page: string; weight: number; path: (ids: Ids) => string; analystOnly?: true }[] = [
  { page: 'overview', weight: 3, path: () => '/' },
  { page: 'list', weight: 3, path: () => '/installations' },
  { page: 'list, failed by week', weight: 2, path: () => '/installations?status=failed&sort=week&dir=asc' },
  { page: 'timeline', weight: 3, path: (ids) => `/installations/${pick(ids.installations)}` },
  { page: 'incident queue', weight: 1, path: () => '/incidents' },
  { page: 'triage queue', weight: 1, path: () => '/triage', analystOnly: true },
];
interface Ids {
  installations: number[];
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A signed-in person: suppliers do not open the triage queue (it is the MCC's). */
type Person = Session & { analyst: boolean };

function nextPage(person: Person) {
  const pages = BROWSING.filter((b) => person.analyst || !b.analystOnly);
  const total = pages.reduce((n, b) => n + b.weight, 0);
  let r = Math.random() * total;
  for (const b of pages) {
    r -= b.weight;
    if (r < 0) return b;
  }
  return pages[0] as (typeof BROWSING)[number];
}

interface Sample {
  page: string;
  ms: number;
  ok: boolean;
}

/** `clients` loops requesting pages until `until`, pausing `think()` ms between pages. */
async function drive(
  baseUrl: string,
  sessions: Person[],
  ids: Ids,
  clients: number,
  until: number,
  think: () => number,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const person = sessions[i % sessions.length] as Person;
      await sleep(Math.random() * think()); // people do not all click at once
      while (Date.now() < until) {
        const b = nextPage(person);
        try {
          const timed = await timeRequest(baseUrl, b.path(ids), person.cookie);
          samples.push({ page: b.page, ms: timed.ms, ok: timed.status === 200 });
        } catch {
          samples.push({ page: b.page, ms: Number.NaN, ok: false });
        }
        await sleep(think());
      }
    }),
  );
  return samples;
}

/** CPU seconds a process has used (Linux /proc), to say where the time goes at saturation. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
}

/** The app's server process (scripts/server.mjs) listening on the port: the child of this process's child. */
function serverPid(): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const env = fs.readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (cmd.includes('scripts/server.mjs') && env.includes(`PORT=${values.port}\0`)) return Number(entry);
    } catch {
      // A process that ended meanwhile, or another user's.
    }
  }
  return null;
}

function table(samples: Sample[], idle: Map<string, number>) {
  console.log(
    '| page | requests | errors | p50 (ms) | p95 (ms) | p99 (ms) | idle median (ms) | p95 / idle |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { page } of BROWSING) {
    const mine = samples.filter((s) => s.page === page);
    const ok = mine.filter((s) => s.ok).map((s) => s.ms);
    const base = idle.get(page) ?? Number.NaN;
    const p95 = percentile(ok, 95);
    const cell = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
    console.log(
      `| ${page} | ${mine.length} | ${mine.length - ok.length} | ${cell(percentile(ok, 50))} | ${cell(p95)} | ${cell(percentile(ok, 99))} | ${cell(base)} | ${cell(p95 / base, 2)} |`,
    );
  }
}

// ── The database ─────────────────────────────────────────────────────────────────────────────────────────────
let env: Record<string, string>;
let importFile: string | null = null;
let importEnv: Record<string, string> = {};
let dbUrl: string | null = null;
let label: string;
let fixtures: Fixtures;
if (pgliteSize > 0) {
  const dataRoot = path.resolve('.data', `bench-pglite-${pgliteSize}`);
  const handle = await openDatabase({ dataDir: path.join(dataRoot, 'pglite') });
  if (!(await isSeeded(handle)))
    await seedDatabase(handle, { installations: pgliteSize, seed: 1, now: new Date() });
  fixtures = await readFixtures(handle.db, ANALYST_EMAIL);
  await handle.close();
  env = { MCC_DATA_DIR: dataRoot };
  label = `PGlite, ${pgliteSize.toLocaleString('en-GB')} installations`;
} else {
  const serverUrl = benchServerUrl();
  const size = Number(values.size);
  await (await prepareBenchDatabase(serverUrl, prefix, size)).close();
  const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${prefix}_load WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${prefix}_load TEMPLATE ${prefix}_${size}`);
  await admin.end();
  dbUrl = benchDatabaseUrl(serverUrl, prefix, 'load');
  env = { DATABASE_URL: dbUrl };
  const handle = await openDatabase({ url: dbUrl });
  // Before the import's installations are added: they belong to a supplier without users.
  fixtures = await readFixtures(handle.db, ANALYST_EMAIL);
  label = `PostgreSQL, ${size.toLocaleString('en-GB')} installations`;
  if (importRows > 0) {
    const week = currentAndPreviousWeek(new Date()).current;
    await handle.db.execute(
      sql`INSERT INTO parties (slug, name, role, sec_party_id) VALUES
        ('load-supplier', 'Load Supplier', 'supplier', 'LOAD'), ('load-smso', 'Load SMSO', 'smso', NULL)`,
    );
    await loadDeviceValidation(handle.db, importRows, week, { supplier: 'load-supplier', smso: 'load-smso' });
    importFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-load-')), 'scf.csv');
    await writeCommissioningFile(importFile, importRows, week);
    importEnv = { DATABASE_URL: dbUrl };
  }
  await handle.close();
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────────────────────
const app = await startApp(Number(values.port), env);
try {
  const browser = await launchBrowser();
  const sessions: Person[] = [];
  try {
    for (let i = 0; i < users; i += 5) {
      const batch = Array.from(
        { length: Math.min(5, users - i) },
        (_, j) => fixtures.viewers[(i + j) % fixtures.viewers.length] as Viewer,
      );
      const signedIn = batch.map(async (v) => ({
        ...(await signIn(browser, app.baseUrl, v.email)),
        analyst: v.supplierId === null,
      }));
      sessions.push(...(await Promise.all(signedIn)));
    }
  } finally {
    await browser.close();
  }
  // Timelines every signed-in viewer may open: the largest supplier's first page (the analyst sees them too).
  const supplierSession = sessions[1] ?? sessions[0];
  const listHtml = await (
    await fetch(`${app.baseUrl}/installations`, { headers: { cookie: supplierSession?.cookie ?? '' } })
  ).text();
  const ids: Ids = {
    installations: [...listHtml.matchAll(/href="\/installations\/(\d+)"/g)].map((m) => Number(m[1])),
  };
  if (ids.installations.length === 0) throw new Error('no installation links on the list page');

  const idle = new Map<string, number>();
  for (const b of BROWSING) {
    const samples: number[] = [];
    for (let i = 0; i < 12; i++)
      samples.push((await timeRequest(app.baseUrl, b.path(ids), sessions[0]?.cookie ?? '')).ms);
    idle.set(b.page, percentile(samples.slice(2), 50));
  }

  console.log(
    `\n${label}: ${users} users for ${seconds} s, 2–5 s between pages${importFile ? `, importing ${importRows.toLocaleString('en-GB')} rows` : ''}`,
  );
  const importer = importFile
    ? new Promise<{ ms: number; code: number | null }>((resolve) => {
        const started = performance.now();
        const child = spawn(
          'npm',
          ['run', '--silent', 'import', '--', 'commissioning', importFile as string],
          {
            env: { ...process.env, ...importEnv },
            stdio: ['ignore', 'ignore', 'inherit'],
          },
        );
        child.on('exit', (code) => resolve({ ms: performance.now() - started, code }));
      })
    : null;
  const underLoad = await drive(
    app.baseUrl,
    sessions,
    ids,
    users,
    Date.now() + seconds * 1000,
    () => 2000 + Math.random() * 3000,
  );
  table(underLoad, idle);
  const errors = underLoad.filter((s) => !s.ok).length;
  console.log(`\n${underLoad.length} requests, ${errors} errors.`);
  if (importer) {
    const imported = await importer;
    console.log(
      `Import of ${importRows.toLocaleString('en-GB')} rows: ${(imported.ms / 1000).toFixed(1)} s, exit ${imported.code}.`,
    );
  }

  // Saturation: no think time.
  const clients = Number(values.clients);
  const window = Number(values['saturation-seconds']);
  const pid = serverPid();
  const cpuBefore = pid ? cpuSeconds(pid) : Number.NaN;
  let busy = 0;
  let polls = 0;
  const admin = dbUrl ? postgres(dbUrl, { onnotice: () => {}, max: 1 }) : null;
  const poller = admin
    ? setInterval(async () => {
        const [row] = await admin`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`;
        busy += row?.n ?? 0;
        polls++;
      }, 100)
    : null;
  const saturated = await drive(app.baseUrl, sessions, ids, clients, Date.now() + window * 1000, () => 0);
  if (poller) clearInterval(poller);
  await admin?.end();
  const cpu = pid ? cpuSeconds(pid) - cpuBefore : Number.NaN;
  const ok = saturated.filter((s) => s.ok).map((s) => s.ms);
  console.log(
    `\nSaturation, ${clients} clients without pause for ${window} s: ${(ok.length / window).toFixed(1)} requests/s, ` +
      `p50 ${percentile(ok, 50).toFixed(0)} ms, p95 ${percentile(ok, 95).toFixed(0)} ms, ${saturated.length - ok.length} errors; ` +
      `the app's process used ${((cpu / window) * 100).toFixed(0)}% of one core` +
      (polls ? `, PostgreSQL had ${(busy / polls).toFixed(2)} queries running on average` : '') +
      ` (${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)}).`,
  );
  table(saturated, idle);
} finally {
  await app.stop();
  if (importFile) fs.rmSync(path.dirname(importFile), { recursive: true, force: true });
}
