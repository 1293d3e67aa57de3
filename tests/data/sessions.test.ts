import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { signIn as signInAction } from '@/app/(auth)/login/actions';
import { signOut } from '@/app/(dashboard)/actions';
import { type DatabaseHandle, setDatabase } from '@/db/client';
import { auditLog, sessions, users } from '@/db/schema';
import { authorisedAction } from '@/lib/actions/action';
import { getAuth } from '@/lib/auth/auth';
import { SESSION_POLICY } from '@/lib/auth/session-policy';
import { getViewer, requirePermission } from '@/lib/auth/viewer';
import { listAccessEvents } from '@/lib/data/audit';
import { createUser, deleteUser, setUserDisabled } from '@/lib/data/users';
import { withPermission, withWritePermission } from '@/lib/http';
import { CLIENT_ADDRESS_HEADER } from '@/scripts/client-address.mjs';
import { describeEachEngine } from '../support/engines';
import { admin, analyst, createSupplier } from '../support/factories';

// The request the code under test reads through next/headers: its cookie and the address scripts/server.mjs set.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));

const PASSWORD = 'a long enough password';
const HOUR = 60 * 60 * 1000;

describeEachEngine('Sessions and the access audit', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let supplierId: number;
  beforeAll(async () => {
    process.env.BETTER_AUTH_SECRET ??= 'a-test-secret-that-is-long-enough-for-better-auth';
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    // better-auth is built once per process over the database of the moment: this suite's.
    (globalThis as { __mccAuth?: unknown }).__mccAuth = undefined;
    supplierId = (await createSupplier(handle.db)).id;
  });
  afterAll(() => dispose());
  beforeEach(() => {
    request.headers = new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' });
  });

  let n = 0;
  async function newUser(role: 'analyst' | 'supplier' = 'analyst') {
    const email = `person-${++n}-${engine.name.toLowerCase()}@example.com`;
    const { id } = await createUser(admin, {
      name: 'Person',
      email,
      role,
      supplierId: role === 'supplier' ? supplierId : undefined,
      password: PASSWORD,
    });
    return { id, email };
  }

  /** Signs in through better-auth and makes its session cookie this request's. */
  async function signIn(email: string) {
    const auth = await getAuth();
    const response = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status}`);
    request.headers.set('cookie', cookie);
  }

  const sessionsOf = (userId: string) => handle.db.select().from(sessions).where(eq(sessions.userId, userId));

  it('ends a session at the absolute limit however active it is, and audits it', async () => {
    const { id, email } = await newUser();
    await signIn(email);
    expect((await getViewer())?.userId).toBe(id);
    // Still active (the idle window slid a moment ago), but signed in longer ago than the absolute limit.
    const signedInAt = new Date(Date.now() - SESSION_POLICY.absoluteHours * HOUR - 1000);
    await handle.db.update(sessions).set({ createdAt: signedInAt }).where(eq(sessions.userId, id));
    expect(await getViewer()).toBeNull();
    expect(await sessionsOf(id)).toEqual([]);
    const [expired] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, id), eq(auditLog.action, 'session-expired')));
    expect(expired?.clientAddress).toBe('203.0.113.9');
  });

  it('lets better-auth end a session idle for longer than the idle limit', async () => {
    const { id, email } = await newUser();
    await signIn(email);
    const [session] = await sessionsOf(id);
    // better-auth set the idle deadline from the policy when it created the session.
    const idleMs = (session?.expiresAt.getTime() ?? 0) - (session?.createdAt.getTime() ?? 0);
    expect(Math.round(idleMs / 60_000)).toBe(SESSION_POLICY.idleMinutes);
    await handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, id));
    expect(await getViewer()).toBeNull();
  });

  it('ends every session of a user the moment it is disabled, and refuses it a new one until enabled', async () => {
    const { id, email } = await newUser();
    await signIn(email);
    await signIn(email);
    expect(await sessionsOf(id)).toHaveLength(2);
    await setUserDisabled(admin, id, true);
    expect(await sessionsOf(id)).toEqual([]);
    expect(await getViewer()).toBeNull();
    await expect(signIn(email)).rejects.toThrow();
    await setUserDisabled(admin, id, false);
    await signIn(email);
    expect((await getViewer())?.userId).toBe(id);
    await expect(setUserDisabled(admin, admin.userId, true)).rejects.toThrow(/your own account/);
  });

  it('ends a user’s sessions when its role or supplier changes, by whatever path, or when it is deleted', async () => {
    const analyst = await newUser();
    await signIn(analyst.email);
    await handle.db.update(users).set({ role: 'admin' }).where(eq(users.id, analyst.id));
    expect(await sessionsOf(analyst.id)).toEqual([]);

    const supplierUser = await newUser('supplier');
    await signIn(supplierUser.email);
    const otherSupplier = (await createSupplier(handle.db)).id;
    await handle.db.update(users).set({ partyId: otherSupplier }).where(eq(users.id, supplierUser.id));
    expect(await sessionsOf(supplierUser.id)).toEqual([]);

    // A change that does not touch access keeps the session.
    await signIn(supplierUser.email);
    await handle.db.update(users).set({ name: 'Renamed' }).where(eq(users.id, supplierUser.id));
    expect(await sessionsOf(supplierUser.id)).toHaveLength(1);

    await deleteUser(admin, supplierUser.id);
    expect(await sessionsOf(supplierUser.id)).toEqual([]);
    expect(await getViewer()).toBeNull();
  });

  it('audits every refusal, page, route handler and server action, with the client address', async () => {
    const { email } = await newUser('supplier');
    const since = new Date();
    // Signed out: a route handler answers 401 and an action refuses.
    const notSignedIn = await withPermission('installations.view', async () => new Response('data'));
    expect(notSignedIn.status).toBe(401);
    expect(notSignedIn.headers.get('cache-control')).toContain('no-store');
    const action = authorisedAction({ permission: 'users.manage', input: z.object({}) }, async () => 'done');
    expect(await action(undefined, new FormData())).toMatchObject({ ok: false, code: 'unauthenticated' });

    await signIn(email);
    const refused = await withPermission('users.manage', async () => new Response('data'));
    expect(refused.status).toBe(404);
    expect(refused.headers.get('cache-control')).toContain('no-store');
    expect(await action(undefined, new FormData())).toMatchObject({ ok: false, code: 'forbidden' });
    await expect(requirePermission('users.manage')).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    const foreign = new Request('http://mcc.example/api/imports', {
      method: 'POST',
      headers: { origin: 'https://evil.example', host: 'mcc.example' },
    });
    expect((await withWritePermission(foreign, 'imports.view', async () => new Response('x'))).status).toBe(
      403,
    );

    const events = (await listAccessEvents(admin, 1000)).filter(
      (e) => e.action === 'access-refused' && new Date(e.at) >= since && (e.who === null || e.who === email),
    );
    expect(events.map((e) => [e.who, e.detail.answer, e.clientAddress]).reverse()).toEqual([
      [null, 401, '203.0.113.9'],
      [null, 'unauthenticated', '203.0.113.9'],
      [email, 404, '203.0.113.9'],
      [email, 'forbidden', '203.0.113.9'],
      [email, 404, '203.0.113.9'],
      [null, 403, '203.0.113.9'],
    ]);
    expect(events.every((e) => e.at.endsWith('Z'))).toBe(true);
    await expect(listAccessEvents(analyst)).rejects.toThrow(/administrators/);
  });

  it('audits a failed sign-in, a sign-in and a sign-out, with the client address', async () => {
    const { id, email } = await newUser();
    const since = new Date();
    const form = (password: string) => {
      const data = new FormData();
      data.set('email', email);
      data.set('password', password);
      return data;
    };
    expect(await signInAction(undefined, form('not the password'))).toMatchObject({ ok: false });
    await expect(signInAction(undefined, form(PASSWORD))).rejects.toThrow(/NEXT_REDIRECT/);
    // Signing out ends the session of the browser that asks.
    await signIn(email);
    expect(await sessionsOf(id)).toHaveLength(2);
    await expect(signOut()).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await sessionsOf(id)).toHaveLength(1);
    expect(await getViewer()).toBeNull();

    const events = (await listAccessEvents(admin, 1000)).filter(
      (e) => e.who === email && new Date(e.at) >= since,
    );
    expect(events.map((e) => [e.action, e.clientAddress]).reverse()).toEqual([
      ['sign-in-failed', '203.0.113.9'],
      ['sign-in', '203.0.113.9'],
      ['sign-out', '203.0.113.9'],
    ]);
    expect(events.find((e) => e.action === 'sign-in-failed')?.detail.reason).toBe('credentials');
  });
});
