#!/usr/bin/env node
// The production server on PostgreSQL for the isolation matrix (playwright.config.ts): a fresh database next to
// TEST_DATABASE_URL's, seeded like the embedded demo (the server seeds only PGlite by itself, db/prepare.ts), then
// `npm start` against it.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';

const root = path.resolve(import.meta.dirname, '..', '..');
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.error('TEST_DATABASE_URL is not set: there is no PostgreSQL server to test against.');
  process.exit(1);
}

const url = new URL(serverUrl);
const database = `${url.pathname.slice(1) || 'postgres'}_isolation_${process.env.PORT}`.replace(/\W/g, '_');
url.pathname = `/${database}`;

const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE ${database}`);
await admin.end();

const env = { ...process.env, DATABASE_URL: url.toString(), NEXT_TELEMETRY_DISABLED: '1' };
const installations = process.env.MCC_DEMO_INSTALLATIONS ?? '6000';
const seed = spawnSync(
  path.join(root, 'node_modules', '.bin', 'tsx'),
  ['cli/seed.ts', '--installations', installations, '--seed', '1'],
  { cwd: root, env, stdio: 'inherit' },
);
if (seed.status !== 0) process.exit(seed.status ?? 1);

const server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
