import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import { fingerprint, rollupsExact } from '../imports/support';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A TypeScript file of this repository run as one node process (tsx's loader), so SIGKILL kills the work itself;
 * `wrap` is a command that ends by exec-ing it (e.g. to give it a mount namespace).
 */
export function runScript(
  file: string,
  env: Record<string, string>,
  args: string[] = [],
  { wrap = [] }: { wrap?: string[] } = {},
): ChildProcess {
  const command = [...wrap, process.execPath, '--import', 'tsx', '--conditions=react-server', file, ...args];
  return spawn(command[0] as string, command.slice(1), { cwd: root, env: { ...process.env, ...env } });
}

/** Everything the process printed, and how it ended. */
export function finish(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

/** Waits until the process prints something matching `pattern`, then kills it with SIGKILL. */
export async function killWhen(child: ChildProcess, pattern: RegExp): Promise<string> {
  const ended = finish(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const watch = (b: Buffer) => {
      output += b.toString();
      if (pattern.test(output)) resolve();
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.on('exit', () => reject(new Error(`ended before it could be killed:\n${output}`)));
  });
  child.kill('SIGKILL');
  await ended;
  return output;
}

/** Every table a triage decision writes, counted, with the installations and whether their rollups are exact. */
export async function triageWriteState(db: Database) {
  const [counts] = await queryRows<{ batches: number; decisions: number; audit: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM triage_batches) AS batches,
               (SELECT count(*)::int FROM triage_decisions) AS decisions,
               (SELECT count(*)::int FROM audit_log) AS audit`,
  );
  return { ...counts, ...(await fingerprint(db)), rollupsExact: await rollupsExact(db) };
}

/** tests/faults/decide-in-flight.ts, killed with SIGKILL once its bulk decision is written but not committed. */
export function killMidDecision(env: Record<string, string>): Promise<string> {
  return killWhen(runScript('tests/faults/decide-in-flight.ts', env), /written, not committed: [1-9]/);
}
