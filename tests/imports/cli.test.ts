import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-import-cli-'));
const holder = spawn('sleep', ['60']);
afterAll(() => {
  holder.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function run(args: string[]) {
  return spawnSync(tsx, ['--conditions=react-server', 'cli/import.ts', ...args], {
    cwd: root,
    env: { ...process.env, MCC_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
}

describe('npm run import', () => {
  it('refuses, exit 1, while another process (the server) holds the embedded database', () => {
    fs.writeFileSync(path.join(dataDir, 'pglite.lock'), String(holder.pid));
    const result = run(['demand', 'docs/samples/demand.csv']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`in use by process ${holder.pid}`);
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
  });

  it('names the kinds when the kind is wrong, and opens nothing', () => {
    const result = run(['invoices', 'docs/samples/demand.csv']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'kinds: authorisations, completions, commissioning, commissioning-outcomes, demand',
    );
  });
});
