import { and } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, setDatabase } from '@/db/client';
import { installations } from '@/db/schema';
import { countInstallations } from '@/lib/data/installations';
import { countNextMoves } from '@/lib/data/next-move-counts';
import { nextMoveKindIn } from '@/lib/data/next-move-sql';
import { installationFilterSchema } from '@/lib/filters/installations';
import { ERROR_CODES, REASON_CODES } from '@/lib/rules/codes';
import { METER_STATES_BY_TYPE, nextMoveKindOf } from '@/lib/rules/next-move-table';
import { NEXT_MOVE_KIND_IDS, type NextMoveKind } from '@/lib/rules/next-moves';
import { GROUP_IDS, INSTALLATION_TYPES } from '@/lib/rules/types';
import { describeEachEngine } from '../support/engines';
import { analyst, createSmso, createSupplier, installationValues } from '../support/factories';

// Known codes, unknown ones, and FailedStepNumbers given as the code (resolve.ts reads those as the step).
const CODES = [
  ...REASON_CODES.map((c) => c.code),
  ...ERROR_CODES.map((c) => c.code),
  'MA998',
  '5.25',
  '12.9.5',
];
const STEPS = [null, '5.25', '12.9.5', '12.9.5.DP01', 'C062195', '5.12 (c)', 'not a step', '12.9.1.ET01'];

describeEachEngine('Next move in SQL (MEHRS 2.3.2, 2.5.8, 2.6.6, 2.7.5, section 4)', (engine) => {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  const expected = new Map<number, NextMoveKind>();

  beforeAll(async () => {
    ({ handle, dispose } = await engine.create());
    setDatabase(handle);
    const db = handle.db;
    const supplier = (await createSupplier(db, 'Alpha Energy')).id;
    const smso = (await createSmso(db)).id;
    const rows = [];
    let n = 0;
    for (const code of CODES)
      for (const type of INSTALLATION_TYPES)
        for (const [electricityState, gasState] of METER_STATES_BY_TYPE[type])
          for (const toBeCommissionedByDcc of [false, true])
            for (const lastFailedStep of STEPS) {
              const groupId = GROUP_IDS[n++ % GROUP_IDS.length] ?? 'EA';
              rows.push({
                ...installationValues({
                  smsoPartyId: smso,
                  electricitySupplierId: supplier,
                  type,
                  groupId,
                  status: n % 7 === 0 ? 'rolled-back' : 'failed',
                  stage: 'device-validation',
                  lastCode: code,
                }),
                electricityState,
                gasState,
                toBeCommissionedByDcc,
                lastFailedStep,
              });
            }
    for (let at = 0; at < rows.length; at += 1000) {
      const inserted = await db
        .insert(installations)
        .values(rows.slice(at, at + 1000))
        .returning();
      for (const i of inserted) {
        expected.set(
          i.id,
          nextMoveKindOf({
            code: i.lastCode ?? '',
            failedStep: i.lastFailedStep,
            installationType: i.installationType,
            groupId: i.groupId,
            meters: [i.electricityState, i.gasState],
            toBeCommissionedByDcc: i.toBeCommissionedByDcc,
          }),
        );
      }
    }
  }, 120_000);

  afterAll(async () => {
    await dispose();
  });

  it('selects, for every move, exactly the installations resolveFailure gives that move', async () => {
    for (const kind of NEXT_MOVE_KIND_IDS) {
      const rows = await handle.db
        .select({ id: installations.id })
        .from(installations)
        .where(and(nextMoveKindIn([kind])));
      const want = [...expected].filter(([, k]) => k === kind).map(([id]) => id);
      expect(rows.map((r) => r.id).sort(), kind).toEqual(want.sort());
    }
  });

  it('counts every move as resolveFailure does, from the rollups and the rows the rollups cannot decide', async () => {
    const counts = await countNextMoves(analyst, {});
    for (const kind of NEXT_MOVE_KIND_IDS) {
      expect(counts[kind], kind).toBe([...expected.values()].filter((k) => k === kind).length);
    }
  });

  it('counts the list filtered by owner as the sum of its moves', async () => {
    const filter = installationFilterSchema.parse({ owner: 'mcc' });
    const mcc = [...expected.values()].filter((k) => k.startsWith('mcc-')).length;
    expect(await countInstallations(analyst, filter)).toEqual({ value: mcc, exact: true });
  });
});

describe('the owner filter', () => {
  it('drops an owner the rules do not know rather than failing the page', () => {
    expect(installationFilterSchema.parse({ owner: 'nobody' }).owner).toBeUndefined();
  });
});
