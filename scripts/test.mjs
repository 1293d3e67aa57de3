#!/usr/bin/env node
// `npm test`: every check, in order, failing on the first failure: lint, typecheck, unit + integration
// (PGlite always, PostgreSQL when TEST_DATABASE_URL is set), the Playwright suite in Chromium, then every benchmark
// at a small size so none of them can rot (docs/performance.md).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.log(
    `\n${'!'.repeat(width)}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join('\n')}\n${'!'.repeat(width)}\n`,
  );
}

function step(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exitCode = result.status ?? 1;
    throw new Error(`${name} failed`);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}

/**
 * The benchmarks on 2,000 installations: the point is that they still run, not their figures. The page and load
 * benches serve the build the Playwright step made; the PostgreSQL ones run when TEST_DATABASE_URL names a server.
 */
function benchmarksAtSmallSize(port) {
  const server = process.env.TEST_DATABASE_URL;
  const bench = (name, file, args, env = {}) =>
    step(name, bin('tsx'), ['--conditions=react-server', `bench/${file}`, ...args.split(' ')], env);
  const pages = `--runs 2 --combination-runs 1 --port ${port}`;
  const load = `--users 4 --seconds 5 --clients 4 --saturation-seconds 3 --port ${port}`;
  bench('Page benchmark at 2,000 (embedded)', 'pages.ts', `--sizes= --pglite 2000 ${pages}`);
  bench('Load test at 2,000 (embedded)', 'load.ts', `--pglite 2000 ${load}`);
  if (!server) return;
  const env = { BENCH_DATABASE_URL: server };
  const prefix = '--prefix mcc_ci_bench';
  bench(
    'Data-layer benchmark at 2,000 (PostgreSQL)',
    'run.ts',
    `--sizes 2000 --runs 2 --reseed ${prefix}`,
    env,
  );
  bench('Page benchmark at 2,000 (PostgreSQL)', 'pages.ts', `--sizes 2000 ${pages} ${prefix}`, env);
  bench(
    'Load test at 2,000 (PostgreSQL)',
    'load.ts',
    `--size 2000 --import-rows 2000 ${load} ${prefix}`,
    env,
  );
  bench('Import benchmark at 2,000 rows (PostgreSQL)', 'imports.ts', '--rows 2000', env);
}

const started = Date.now();
if (!process.env.TEST_DATABASE_URL) {
  banner([
    'SKIPPED: PostgreSQL integration tests (TEST_DATABASE_URL is not set).',
    'Only the embedded PGlite engine will be tested. To test both engines:',
    '  TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test',
  ]);
}
if (!fs.existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: the browser tests need it. Install it with`);
  console.error('  apt-get install -y chromium   (or set CHROMIUM_PATH)');
  process.exit(1);
}

const port = String(await freePort());
const dataDir = path.join(root, '.data', `e2e-${port}`);
try {
  step('Lint (biome)', bin('biome'), ['check', '.']);
  step('Typecheck (tsc)', bin('tsc'), ['--noEmit']);
  step('Unit and integration tests (vitest)', bin('vitest'), ['run']);
  step('End-to-end tests (Playwright, Chromium)', bin('playwright'), ['test'], { E2E_PORT: port });
  benchmarksAtSmallSize(String(await freePort()));
  console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
} catch {
  // step() has printed what failed and set the exit code.
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.lock`, { force: true });
  fs.rmSync(path.join(root, '.data', 'bench-pglite-2000'), { recursive: true, force: true });
}
