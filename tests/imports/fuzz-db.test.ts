import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { IMPORT_COLUMNS, IMPORT_KINDS } from '@/lib/data/imports/kinds';
import { describeEachEngine } from '../support/engines';
import { createInstallation, createSmso, createSupplier } from '../support/factories';
import { fingerprint, importText } from './support';

describeEachEngine('Imports under random input', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let mpan = '';
  let sec = '';

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    const supplier = await createSupplier(handle.db);
    sec = supplier.secPartyId ?? '';
    const inst = await createInstallation(handle.db, {
      smsoPartyId: (await createSmso(handle.db)).id,
      electricitySupplierId: supplier.id,
      stage: 'device-validation',
      migrationWeek: '2026-11-23',
    });
    mpan = inst.mpan ?? '';
  }, 180_000);
  afterAll(() => dispose());

  it('a rejected file never changes data, and rows parsed = accepted + rejected every time', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', sec, mpan, '2026-11-23', 'failed', 'commissioned', '12.9.1.ET01', 'E48', 'N', '1'),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IMPORT_KINDS),
        fc.array(fc.array(cell, { minLength: 3, maxLength: 11 }), { maxLength: 6 }),
        async (kind, rows) => {
          const width = IMPORT_COLUMNS[kind].length;
          const text = [IMPORT_COLUMNS[kind].join(','), ...rows.map((r) => r.slice(0, width).join(','))].join(
            '\n',
          );
          const before = await fingerprint(handle.db);
          const outcome = await importText(handle.db, kind, text);
          expect(outcome.rowsTotal).toBe(outcome.rowsAccepted + outcome.rowsRejected);
          if (outcome.status === 'rejected') {
            expect(outcome.problemCount).toBeGreaterThan(0);
            expect(await fingerprint(handle.db)).toEqual(before);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
