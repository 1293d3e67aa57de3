import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  readonly code = 'data_dir_locked';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid} (usually the running dashboard). ` +
        'PGlite allows only one process per data directory: stop that process first, ' +
        'or point DATABASE_URL at PostgreSQL.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When the process started (clock ticks since boot, Linux's /proc), or undefined where that cannot be read. With
 * the pid it names one process: after a kill -9 and a container restart, the dead server's pid is often another
 * live process's, which must not keep the database locked for ever.
 */
function startTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** The lock's content: our pid, then our start time where known. */
function lockContent(pid: number): string {
  return [pid, startTime(pid)].filter((part) => part !== undefined).join(' ');
}

/** The live process a lock names, or undefined when it names none (exited, or its pid now another's). */
function liveHolder(content: string): number | undefined {
  const [pid, started] = content.trim().split(' ');
  const holder = Number(pid);
  if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) return undefined;
  const now = started === undefined ? undefined : startTime(holder);
  return now === undefined || now === started ? holder : undefined;
}

/**
 * Holds `<dataDir>.lock` (our pid and start time) for as long as this process uses the directory. A lock left by
 * a process that no longer exists is taken over; a live holder makes this throw DataDirLockedError.
 */
export function acquireDataDirLock(dataDir: string): { release(): void } {
  const lockPath = `${path.resolve(/*turbopackIgnore: true*/ dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let tries = 0; tries < 2; tries++) {
    try {
      const content = lockContent(process.pid);
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === content) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = liveHolder(fs.readFileSync(lockPath, 'utf8'));
      if (holder !== undefined && holder !== process.pid) throw new DataDirLockedError(dataDir, holder);
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
