import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseLocation, openDatabase, queryRows } from '@/db/client';
import { IMPORT_COLUMNS } from '@/lib/data/imports/kinds';
import { fingerprint } from './support';

const root = path.resolve(import.meta.dirname, '../..');
const ROWS = 20_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-kill-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** ROWS installations in device validation for Migration Week 2026-11-23, and an SCF naming every one. */
async function prepare(location: DatabaseLocation): Promise<string> {
  const handle = await openDatabase(location);
  await handle.db.execute(sql`INSERT INTO parties (slug, name, role, sec_party_id) VALUES
    ('kill-supplier', 'Kill Supplier', 'supplier', 'KILL'), ('kill-smso', 'Kill SMSO', 'smso', NULL)`);
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('mcc.rollups_by_statement', 'on', true)`);
    await tx.execute(sql`
      INSERT INTO installations (mpan, group_id, smso_party_id, electricity_supplier_id, electricity_state,
        installation_type, migration_week, stage, status, attempt_count)
      SELECT (1500000000000 + n)::text, 'EA', (SELECT id FROM parties WHERE slug = 'kill-smso'),
        (SELECT id FROM parties WHERE slug = 'kill-supplier'), 'active', 'active-only', DATE '2026-11-23',
        'device-validation', 'in-progress', 1
      FROM generate_series(1, ${ROWS}) AS n`);
    await tx.execute(sql`SELECT rebuild_installation_rollups()`);
  });
  await handle.close();
  const file = path.join(work, `scf-${crypto.randomBytes(4).toString('hex')}.csv`);
  const lines = [IMPORT_COLUMNS.commissioning.join(',')];
  for (let n = 1; n <= ROWS; n++) lines.push(`${1500000000000 + n},,2026-11-23,commissioned,,,,N`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function cli(file: string, env: Record<string, string>): ChildProcess {
  // One process (node with tsx's loader), so SIGKILL kills the import itself, not a wrapper around it.
  return spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=react-server', 'cli/import.ts', 'commissioning', file],
    {
      cwd: root,
      env: { ...process.env, ...env },
    },
  );
}

function finish(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

/** Starts the import, waits until it is applying rows inside its transaction, then kill -9. */
async function killMidway(file: string, env: Record<string, string>): Promise<string> {
  const child = cli(file, env);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (b: Buffer) => {
      output += b.toString();
      if (/applying … [1-9]/.test(output)) resolve();
    });
    child.on('exit', () => reject(new Error(`import ended before it could be killed:\n${output}`)));
  });
  child.kill('SIGKILL');
  await finish(child);
  return output;
}

async function state(location: DatabaseLocation) {
  const handle = await openDatabase(location);
  const print = await fingerprint(handle.db);
  const [files] = await queryRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM file_imports`);
  await handle.close();
  return { ...print, files: files?.n };
}

const engines: {
  name: string;
  make(): Promise<{ location: DatabaseLocation; env: Record<string, string> }>;
}[] = [
  {
    name: 'PGlite',
    async make() {
      const dir = fs.mkdtempSync(path.join(work, 'data-'));
      return {
        location: { dataDir: path.join(dir, 'pglite') },
        env: { MCC_DATA_DIR: dir, DATABASE_URL: '' },
      };
    },
  },
];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  engines.push({
    name: 'PostgreSQL',
    async make() {
      const name = `mcc_kill_${crypto.randomBytes(5).toString('hex')}`;
      const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return { location: { url: url.toString() }, env: { DATABASE_URL: url.toString() } };
    },
  });
}

describe.each(engines)('An import killed with SIGKILL mid-way [$name]', (engine) => {
  it('leaves the database as before; running it again gives the clean result', async () => {
    const killed = await engine.make();
    const clean = await engine.make();
    const file = await prepare(killed.location);
    await prepare(clean.location);
    const before = await state(killed.location);

    await killMidway(file, killed.env);
    expect(await state(killed.location)).toEqual(before);

    expect(await finish(cli(file, killed.env))).toBe(0);
    expect(await finish(cli(file, clean.env))).toBe(0);
    const after = await state(killed.location);
    expect(after).toEqual(await state(clean.location));
    expect(after.files).toBe(1);
    expect(after.events).toBe(before.events + ROWS);
  }, 600_000);
});
