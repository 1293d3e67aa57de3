import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { acquireDataDirLock, DataDirLockedError } from '@/db/lock';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-lock-'));
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** Our pid, then (on Linux) our start time. */
const ours = new RegExp(`^${process.pid}( \\d+)?$`);

describe('PGlite data directory lock', () => {
  it('refuses a second process with a message naming the holder and the cause', async () => {
    const dataDir = path.join(tmp, 'held');
    const holder = spawn('sleep', ['30']);
    children.push(holder);
    fs.writeFileSync(`${dataDir}.lock`, String(holder.pid));
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirLockedError);
    await expect(openDatabase({ dataDir })).rejects.toThrow(
      new RegExp(`in use by process ${holder.pid}.*only one process per data directory`),
    );
  });

  it('takes over a lock left by a process that has exited', () => {
    const dataDir = path.join(tmp, 'stale');
    fs.writeFileSync(`${dataDir}.lock`, '999999999');
    const lock = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toMatch(ours);
    lock.release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it.skipIf(!fs.existsSync('/proc/self/stat'))(
    "takes over a dead holder's lock whose pid now names another live process (kill -9, then a restart)",
    () => {
      const dataDir = path.join(tmp, 'reused');
      const other = spawn('sleep', ['30']);
      children.push(other);
      fs.writeFileSync(`${dataDir}.lock`, `${other.pid} 1`); // the same pid, started at another time
      const lock = acquireDataDirLock(dataDir);
      expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toMatch(ours);
      lock.release();
    },
  );

  it('holds the lock while the database is open and releases it on close', async () => {
    const dataDir = path.join(tmp, 'open');
    const handle = await openDatabase({ dataDir });
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toMatch(ours);
    await handle.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
