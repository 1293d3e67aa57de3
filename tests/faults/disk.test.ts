import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finish, runScript } from './support';

/**
 * Honest faults need a real file system: as root, chmod does not stop a write. Each start runs in a mount namespace
 * of its own (`unshare -m`) over a small tmpfs, full or remounted read-only, which vanishes with the process.
 */
const canMount = (() => {
  try {
    execFileSync(
      'unshare',
      ['-m', '--propagation', 'private', 'mount', '-t', 'tmpfs', 'tmpfs', os.tmpdir()],
      {
        stdio: 'ignore',
      },
    );
    return true;
  } catch {
    return false;
  }
})();
if (!canMount) {
  console.warn(
    '\n!!! SKIPPED: full-disk and read-only start tests — cannot mount here (needs root and unshare). !!!\n',
  );
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-disk-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A start (tests/faults/start-database.ts) with MCC_DATA_DIR on a 2 MB tmpfs, made read-only when asked. */
function startOn(disk: 'full' | 'read-only') {
  const mountPoint = fs.mkdtempSync(path.join(work, 'mnt-'));
  const data = path.join(mountPoint, 'data');
  const readOnly = disk === 'read-only' ? `mount -o remount,ro ${mountPoint} && ` : '';
  const script = `mount -t tmpfs -o size=2m tmpfs ${mountPoint} && mkdir ${data} && ${readOnly}exec "$@"`;
  return finish(
    runScript('tests/faults/start-database.ts', { MCC_DATA_DIR: data, DATABASE_URL: '' }, [], {
      wrap: ['unshare', '-m', '--propagation', 'private', 'sh', '-c', script, 'start'],
    }),
  );
}

describe.skipIf(!canMount)('A start on a full disk or a read-only data directory [PGlite]', () => {
  it('says the disk is full, in one sentence, and exits 1', async () => {
    const { code, output } = await startOn('full');
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(
      /^The disk holding the embedded database \(.*\) is full: \d+ MB free\. Free some space/,
    );
  }, 60_000);

  it('says the directory is read-only, in one sentence, and exits 1', async () => {
    const { code, output } = await startOn('read-only');
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/^The embedded database's directory \(.*\) is on a read-only file system\./);
  }, 60_000);
});
