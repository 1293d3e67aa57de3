import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '@/db/client';
import { auditLog, installationEvents } from '@/db/schema';
import { describeEachEngine } from '../support/engines';
import { createInstallation, createSmso, createSupplier } from '../support/factories';

/** Drizzle wraps the database's error: match the database's own message, kept as the cause. */
const databaseError = (message: RegExp) =>
  expect.objectContaining({ cause: expect.objectContaining({ message: expect.stringMatching(message) }) });
const appendOnly = (table: string) => databaseError(new RegExp(`${table} is append-only`));

describeEachEngine('One schema, two engines', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
  });
  afterAll(() => dispose());

  it('applies every migration: the domain tables exist', async () => {
    const rows = await queryRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'accounts',
        'audit_log',
        'authorisation_rollups',
        'file_imports',
        'incident_events',
        'incident_installations',
        'incident_interested_parties',
        'incident_notes',
        'incidents',
        'installation_events',
        'installation_rollups',
        'installations',
        'migration_authorisations',
        'migration_capacity',
        'parties',
        'sessions',
        'triage_decisions',
        'users',
        'verifications',
        'weekly_demand',
      ]),
    );
  });

  it('keeps the audit log append-only: updates and deletes are refused', async () => {
    const [entry] = await handle.db
      .insert(auditLog)
      .values({ userId: 'u1', action: 'test', entity: 'installation', entityId: '1' })
      .returning();
    if (!entry) throw new Error('no audit entry');
    await expect(
      handle.db.update(auditLog).set({ action: 'tampered' }).where(eq(auditLog.id, entry.id)),
    ).rejects.toThrow(appendOnly('audit_log'));
    await expect(handle.db.delete(auditLog).where(eq(auditLog.id, entry.id))).rejects.toThrow(
      appendOnly('audit_log'),
    );
    const [stored] = await handle.db.select().from(auditLog).where(eq(auditLog.id, entry.id));
    expect(stored?.action).toBe('test');
  });

  it('never rewrites an installation event', async () => {
    const smso = await createSmso(handle.db);
    const supplier = await createSupplier(handle.db);
    const installation = await createInstallation(handle.db, {
      smsoPartyId: smso.id,
      electricitySupplierId: supplier.id,
    });
    const [event] = await handle.db
      .insert(installationEvents)
      .values({
        installationId: installation.id,
        attempt: 1,
        occurredAt: new Date(),
        stage: 'authorisation',
        status: 'in-progress',
      })
      .returning();
    if (!event) throw new Error('no event');
    await expect(
      handle.db.update(installationEvents).set({ code: 'MA999' }).where(eq(installationEvents.id, event.id)),
    ).rejects.toThrow(appendOnly('installation_events'));
  });

  it('refuses an installation with neither MPAN nor MPRN', async () => {
    const smso = await createSmso(handle.db);
    await expect(
      handle.db.execute(
        sql`insert into installations (group_id, smso_party_id, installation_type, stage, status)
            values ('EA', ${smso.id}, 'active-only', 'demand', 'in-progress')`,
      ),
    ).rejects.toThrow(databaseError(/installations_has_meter/));
  });
});
