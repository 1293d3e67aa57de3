/**
 * Import throughput against PostgreSQL's own bulk load (docs/performance.md "Imports"): 1,000,000 S1SP
 * Commissioning File rows through the whole pipeline (format checks, database checks, one transaction, events,
 * rollups by trigger) versus `COPY FROM` of the same file into a bare table, in the same run. Also: how long a
 * 1,000,000-row file with one bad line takes to be rejected, and the process's peak memory.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:imports [-- --rows 1000000 --prefix mcc_bench]
 *
 * The database is <prefix>_imports, dropped and created afresh: give each branch its own prefix.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { IMPORT_COLUMNS } from '@/lib/data/imports/kinds';
import { runImport } from '@/lib/data/imports/pipeline';
import { loadDeviceValidation, writeCommissioningFile } from './commissioning-file';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    prefix: { type: 'string', default: 'mcc_bench' },
  },
});
const ROWS = Number(values.rows);
const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) {
  console.error(
    'Set BENCH_DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres',
  );
  process.exit(1);
}
const WEEK = '2026-11-23';
const name = `${values.prefix}_imports`;
const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const handle = await openDatabase({ url: url.toString() });
const db = handle.db;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

console.log(`Loading ${ROWS.toLocaleString('en-GB')} installations in device validation…`);
await db.execute(sql`INSERT INTO parties (slug, name, role, sec_party_id) VALUES
  ('bench-supplier', 'Bench Supplier', 'supplier', 'BNCH'), ('bench-smso', 'Bench SMSO', 'smso', NULL)`);
await loadDeviceValidation(db, ROWS, WEEK, { supplier: 'bench-supplier', smso: 'bench-smso' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-bench-'));
const good = path.join(dir, 'scf.csv');
const bad = path.join(dir, 'scf-bad.csv');
await writeCommissioningFile(good, ROWS, WEEK);
await writeCommissioningFile(bad, ROWS, WEEK, true);
console.log(`Files: ${(fs.statSync(good).size / 1e6).toFixed(0)} MB each.`);

// COPY FROM STDIN of the same file into a bare table: PostgreSQL's best case.
const copyClient = postgres(url.toString(), { onnotice: () => {}, max: 1 });
await copyClient.unsafe(
  `CREATE TABLE copy_baseline (${IMPORT_COLUMNS.commissioning.map((c) => `${c} text`).join(', ')})`,
);
let started = performance.now();
const writable = await copyClient
  .unsafe('COPY copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true)')
  .writable();
await pipeline(fs.createReadStream(good), writable);
const copyMs = performance.now() - started;
await copyClient.end();

started = performance.now();
const rejected = await runImport(db, { userId: null, supplierId: null }, 'commissioning', {
  filename: 'scf-bad.csv',
  open: () => fs.createReadStream(bad),
});
const rejectMs = performance.now() - started;
console.log(
  `Rejected in ${(rejectMs / 1000).toFixed(1)} s: ${rejected.status}, ${rejected.problemCount} problem(s), first ${JSON.stringify(rejected.problems[0])}`,
);

started = performance.now();
const applied = await runImport(db, { userId: null, supplierId: null }, 'commissioning', {
  filename: 'scf.csv',
  open: () => fs.createReadStream(good),
});
const importMs = performance.now() - started;
clearInterval(sampler);

const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
console.log('');
console.log(`| figure | rows | seconds | rows/s |`);
console.log(`| --- | ---: | ---: | ---: |`);
console.log(
  `| COPY FROM STDIN into a bare table | ${ROWS} | ${(copyMs / 1000).toFixed(1)} | ${rate(copyMs)} |`,
);
console.log(
  `| import (all checks, one transaction) | ${applied.rowsTotal} | ${(importMs / 1000).toFixed(1)} | ${rate(importMs)} |`,
);
console.log(
  `| reject a file with one bad line (last) | ${rejected.rowsTotal} | ${(rejectMs / 1000).toFixed(1)} | ${rate(rejectMs)} |`,
);
console.log('');
console.log(
  `import / COPY: ${(copyMs / importMs).toFixed(2)}x (target ≥ 0.3x); outcome ${applied.status}, ` +
    `${applied.rowsSkipped} not applied; rejected file: ${rejected.status} with ${rejected.problemCount} problem(s); ` +
    `peak RSS ${(peakRss / 1e6).toFixed(0)} MB.`,
);
fs.rmSync(dir, { recursive: true, force: true });
await handle.close();
