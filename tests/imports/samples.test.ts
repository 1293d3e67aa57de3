import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { migrationAuthorisations } from '@/db/schema';
import { IMPORT_KINDS } from '@/lib/data/imports/kinds';
import { sampleFile } from '@/lib/data/imports/sample';
import { describeEachEngine } from '../support/engines';
import { createInstallation, createSmso, createSupplier } from '../support/factories';
import { importText, NOW } from './support';

describeEachEngine('Sample files', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let alpha: { id: number; secPartyId: string | null };

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    const smso = (await createSmso(handle.db)).id;
    alpha = await createSupplier(handle.db, 'Alpha');
    const beta = await createSupplier(handle.db, 'Beta');
    const base = { smsoPartyId: smso, electricitySupplierId: alpha.id, migrationWeek: '2026-11-30' };
    await createInstallation(handle.db, { ...base, gasSupplierId: alpha.id, stage: 'demand' });
    await createInstallation(handle.db, { ...base, gasSupplierId: beta.id, stage: 'demand' });
    await createInstallation(handle.db, { ...base, migrationWeek: '2026-11-23', stage: 'device-validation' });
    const done = await createInstallation(handle.db, {
      ...base,
      migrationWeek: '2026-11-23',
      stage: 'commissioning',
    });
    await handle.db.insert(migrationAuthorisations).values({
      installationId: done.id,
      authorisingPartyId: alpha.id,
      mpan: done.mpan,
      migrationWeek: '2026-11-23',
      migrateOn: '2026-11-24',
      receivedAt: new Date('2026-11-20T09:00:00Z'),
      validationStatus: 'accepted',
    });
  }, 180_000);
  afterAll(() => dispose());

  it('a supplier’s sample holds only its own MAs, and applies cleanly when it uploads it', async () => {
    const text = await sampleFile(handle.db, 'authorisations', NOW, alpha.id);
    const rows = text.trim().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.startsWith(`${alpha.secPartyId},`)).toBe(true);
    const outcome = await importText(handle.db, 'authorisations', text, {
      userId: null,
      supplierId: alpha.id,
    });
    expect(outcome).toMatchObject({ status: 'applied', rowsTotal: 2, rowsRejected: 0, rowsSkipped: 0 });
  });

  it.each(IMPORT_KINDS.filter((k) => k !== 'authorisations'))(
    'a fresh %s sample applies with every row',
    async (kind) => {
      const text = await sampleFile(handle.db, kind, NOW);
      const outcome = await importText(handle.db, kind, text);
      expect(outcome.status).toBe('applied');
      expect(outcome.rowsSkipped).toBe(0);
    },
  );
});
