import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, setDatabase } from '@/db/client';
import { installations } from '@/db/schema';
import { getOverview, TOP_FAILURE_CODES } from '@/lib/data/overview';
import { describeCode, REASON_CODES } from '@/lib/rules/codes';
import { describeEachEngine } from '../support/engines';
import {
  analyst,
  createSmso,
  createSupplier,
  installationValues,
  supplierViewer,
} from '../support/factories';

const WEEKS = { current: '2026-11-23', previous: '2026-11-16' };

describeEachEngine('The overview charts tell the truth at a glance', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let supplier: number;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    supplier = (await createSupplier(handle.db, 'Alpha Energy')).id;
    const smso = (await createSmso(handle.db)).id;
    const base = { smsoPartyId: smso, electricitySupplierId: supplier };
    const codes = REASON_CODES.slice(20, 20 + TOP_FAILURE_CODES + 3).map((c) => c.code);
    await handle.db.insert(installations).values([
      // GroupID CB: 3 failed of 4 attempted; EA: 13 failed of 40 attempted; 5 EA still at Demand.
      ...Array.from({ length: 3 }, () =>
        installationValues({
          ...base,
          groupId: 'CB',
          status: 'failed',
          stage: 'sim-cutover',
          lastCode: 'MA120',
        }),
      ),
      installationValues({ ...base, groupId: 'CB', status: 'migrated', stage: 'migrated' }),
      ...codes.map((lastCode) =>
        installationValues({ ...base, status: 'failed', stage: 'common-file', lastCode }),
      ),
      ...Array.from({ length: 2 }, () =>
        installationValues({ ...base, status: 'rolled-back', stage: 'device-validation', lastCode: 'MA121' }),
      ),
      ...Array.from({ length: 25 }, () =>
        installationValues({ ...base, status: 'migrated', stage: 'migrated' }),
      ),
      ...Array.from({ length: 5 }, () =>
        installationValues({ ...base, status: 'in-progress', stage: 'demand' }),
      ),
    ]);
  }, 180_000);

  afterAll(async () => {
    await dispose();
  });

  it('counts rolled-back outcomes (MA121) and the other codes, so the bars add up to every failure', async () => {
    const o = await getOverview(analyst, {}, WEEKS);
    expect(o.failuresByCode).toHaveLength(TOP_FAILURE_CODES);
    expect(o.failuresByCode.find((c) => c.code === 'MA121')).toEqual({
      code: 'MA121',
      description: describeCode('MA121').description,
      failed: 0,
      rolledBack: 2,
    });
    const bars = [...o.failuresByCode, o.otherCodes];
    expect(bars.reduce((n, c) => n + c.failed + c.rolledBack, 0)).toBe(3 + 13 + 2);
    expect(o.otherCodes.codes).toBe(15 - TOP_FAILURE_CODES);
  });

  it('ranks GroupIDs by failure rate (failed per installation attempted), not by count', async () => {
    const o = await getOverview(analyst, {}, WEEKS);
    expect(o.failuresByGroup.map((g) => [g.key, g.failures, g.attempted])).toEqual([
      ['CB', 3, 4],
      ['EA', 13, 40],
    ]);
    expect(o.failuresBySupplier?.map((s) => [s.label, s.failures, s.attempted])).toEqual([
      ['Alpha Energy', 16, 44],
    ]);
  });

  it('gives a supplier no breakdown by supplier', async () => {
    expect((await getOverview(supplierViewer(supplier), {}, WEEKS)).failuresBySupplier).toBeNull();
  });
});
