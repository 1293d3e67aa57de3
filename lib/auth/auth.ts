import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { eq } from 'drizzle-orm';
import { type Database, dataRoot, getDb } from '@/db/client';
import * as schema from '@/db/schema';
import { hashPassword, verifyPassword } from './password';
import { SESSION_POLICY } from './session-policy';

/**
 * The signing secret: BETTER_AUTH_SECRET when set (required when several servers share a database);
 * otherwise a random one kept beside the data, so a single server works without any setup.
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(dataRoot(), 'auth-secret');
  if (!fs.existsSync(file)) {
    if (process.env.DATABASE_URL) {
      console.warn(
        `BETTER_AUTH_SECRET is not set: generating one in ${file}. Set it when running several servers.`,
      );
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8');
}

/** An admin disabled the user (lib/data/users.ts), or it no longer exists. */
async function isDisabled(db: Database, userId: string): Promise<boolean> {
  const [user] = await db
    .select({ disabledAt: schema.users.disabledAt })
    .from(schema.users)
    .where(eq(schema.users.id, userId));
  return !user || user.disabledAt !== null;
}

function createAuth(db: Database) {
  return betterAuth({
    appName: 'Migration Control Centre',
    secret: authSecret(),
    baseURL: process.env.BETTER_AUTH_URL,
    database: drizzleAdapter(db, { provider: 'pg', schema, usePlural: true }),
    // Accounts are created by admins and the seed, never by self-service sign-up.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, required: true },
        partyId: { type: 'number', input: false, required: false },
      },
    },
    // The idle window slides; the absolute cap is checked where the viewer is resolved (lib/auth/viewer.ts).
    session: { expiresIn: SESSION_POLICY.idleMinutes * 60, updateAge: SESSION_POLICY.refreshMinutes * 60 },
    databaseHooks: {
      // A disabled user gets no session, whatever the password: every sign-in path ends here.
      session: { create: { before: async (session) => !(await isDisabled(db, session.userId)) } },
    },
    // Sign-in throttling is ours (lib/auth/throttle.ts): it must also cover server actions, which better-auth's
    // HTTP rate limiter never sees.
    rateLimit: { enabled: false },
    advanced: { cookiePrefix: 'mcc' },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
type Global = typeof globalThis & { __mccAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  const g = globalThis as Global;
  g.__mccAuth ??= getDb().then(createAuth);
  return g.__mccAuth;
}
