import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-cli-'));
const holder = spawn('sleep', ['60']);
afterAll(() => {
  holder.kill();
});

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(tsx, ['--conditions=react-server', script, ...args], {
    cwd: root,
    env: { ...process.env, MCC_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
}

describe('CLIs refuse an embedded database another process holds', () => {
  it('db:seed exits 1 naming the holding process and the cause, and touches nothing', () => {
    fs.writeFileSync(path.join(dataDir, 'pglite.lock'), String(holder.pid));
    const result = run('cli/seed.ts', ['--installations', '10']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`in use by process ${holder.pid}`);
    expect(result.stderr).toContain('only one process per data directory');
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
  });

  it('user:create-admin refuses a short password before opening anything', () => {
    const result = run('cli/create-admin.ts', ['--email', 'a@example.com', '--name', 'A'], {
      MCC_ADMIN_PASSWORD: 'short',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('at least 12 characters');
  });
});
