import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

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
