/**
 * A throwaway PostgreSQL cluster of the test's own, on a free port, for faults that need the server itself stopped
 * or started (never the shared one other work depends on). PostgreSQL refuses to run as root, so as root the
 * binaries run as the `postgres` user, in a directory it owns.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** The newest installed PostgreSQL's binaries, or undefined (then the tests that need them skip, saying so). */
export const postgresBin: string | undefined = (() => {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(base, versions[0], 'bin');
})();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Cluster {
  url: string;
  /** Asynchronous, so the app under test keeps running (and sees its sockets close) meanwhile. */
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: what a restart or an upgrade does to the running app. */
  stop(): Promise<void>;
  destroy(): void;
}

export async function createCluster(): Promise<Cluster> {
  if (!postgresBin) throw new Error('PostgreSQL binaries are not installed');
  const bin = postgresBin;
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-cluster-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
  const run = (tool: string, args: string[]) => execFileSync(...command(tool, args), { stdio: 'pipe' });
  const runAsync = async (tool: string, args: string[]) => {
    await promisify(execFile)(...command(tool, args));
  };
  const port = await freePort();
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const cluster: Cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => runAsync('pg_ctl', ['start', '-w', '-D', data, '-l', path.join(dir, 'log'), '-o', options]),
    stop: () => runAsync('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]),
    destroy() {
      try {
        run('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', data]);
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
