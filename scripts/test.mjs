#!/usr/bin/env node
// `npm test`: every check, in order, failing on the first failure: lint, typecheck, unit + integration
// (PGlite always, PostgreSQL when TEST_DATABASE_URL is set), then the Playwright suite in Chromium.
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
  console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
} catch {
  // step() has printed what failed and set the exit code.
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.lock`, { force: true });
}
