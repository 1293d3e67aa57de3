/**
 * A database that cannot be reached (PostgreSQL restarting, stopped, or unreachable): what every surface says about
 * it, and how to recognise it. Client-safe: the error boundary reads the digest.
 */

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable. Try again in a moment.';

/**
 * Stamped on such an error as its digest: Next.js keeps a thrown error's own digest, and the digest is the only part
 * of a server error that reaches the browser's error boundary.
 */
export const DATABASE_UNAVAILABLE_DIGEST = 'mcc-database-unavailable';

/** Socket errors and postgres-js's own connection errors. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/** SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutting down, crashed, starting up). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/;

/**
 * What made the database unavailable ("ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432"), read from `error` or its
 * `cause` chain (drizzle and better-auth wrap the driver's error), or undefined when that is not the failure. Only
 * this goes to the log: the wrappers' messages carry the query's parameters, a session token among them.
 */
export function databaseUnavailableReason(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) {
      return `${code}: ${e.message}`;
    }
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== undefined;
}

/** Returns `error`, stamped with DATABASE_UNAVAILABLE_DIGEST when it is a database outage, for rethrowing. */
export function markDatabaseUnavailable(error: unknown): unknown {
  if (isDatabaseUnavailable(error)) Object.assign(error as Error, { digest: DATABASE_UNAVAILABLE_DIGEST });
  return error;
}
