import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { setDatabase } from '@/db/client';
import { accounts, users } from '@/db/schema';
import { seedDemoUsers } from '@/db/seed/demo-users';
import { hashPassword } from '@/lib/auth/password';
import { listDemoAccounts } from '@/lib/data/demo-accounts';
import { createUser, setUserDisabled } from '@/lib/data/users';
import { describeEachEngine } from '../support/engines';
import { admin, createSupplier } from '../support/factories';

// Demo mode is a property of the data (lib/demo.ts), never of the engine or of DATABASE_URL.
describeEachEngine('The login page’s demo accounts', (engine) => {
  // Two databases: one with real users only, one the demo seed wrote to. Each test picks its own.
  let realOnly: Awaited<ReturnType<typeof engine.create>>;
  let withDemo: Awaited<ReturnType<typeof engine.create>>;
  beforeAll(async () => {
    realOnly = await engine.create();
    withDemo = await engine.create();
  });
  afterAll(async () => {
    await realOnly.dispose();
    await withDemo.dispose();
  });
  afterEach(() => vi.unstubAllEnvs());

  it('lists none for a database with real users and no demo data, embedded or not', async () => {
    setDatabase(realOnly.handle);
    await createUser(admin, {
      name: 'Real Admin',
      email: 'root@company.example',
      role: 'admin',
      password: 'a real admin password',
    });
    vi.stubEnv('DATABASE_URL', '');
    expect(await listDemoAccounts()).toEqual([]);
  });

  it('lists the seeded demo accounts, on a DATABASE_URL deployment too, until their password changes', async () => {
    const handle = withDemo.handle;
    setDatabase(handle);
    const supplier = await createSupplier(handle.db);
    await seedDemoUsers(handle, [supplier]);
    vi.stubEnv('DATABASE_URL', 'postgres://db.example/mcc');
    expect(await listDemoAccounts()).toEqual([
      { email: 'analyst@mcc.demo', role: 'analyst' },
      { email: `${supplier.slug}@supplier.demo`, role: 'supplier' },
      { email: 'admin@mcc.demo', role: 'admin' },
    ]);
    // An admin who gave a demo account a real password (or disabled it) takes it off the login page.
    const [analyst] = await handle.db.select().from(users).where(eq(users.email, 'analyst@mcc.demo'));
    if (!analyst) throw new Error('no demo analyst');
    await handle.db
      .update(accounts)
      .set({ password: await hashPassword('not the demo password') })
      .where(eq(accounts.userId, analyst.id));
    const [demoAdmin] = await handle.db.select().from(users).where(eq(users.email, 'admin@mcc.demo'));
    await setUserDisabled(admin, demoAdmin?.id ?? '', true);
    expect((await listDemoAccounts()).map((a) => a.email)).toEqual([`${supplier.slug}@supplier.demo`]);
  });
});
