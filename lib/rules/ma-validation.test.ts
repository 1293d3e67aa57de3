import { describe, expect, it } from 'vitest';
import {
  MA_VALIDATION_CODES,
  type MigrationAuthorisationItem,
  maValidationContext,
  type RegisteredInstallation,
  validateMigrationAuthorisation,
  validateMigrationAuthorisations,
} from './ma-validation';

// Registry (the SMSO system as the Requesting Party sees it). SUPA and SUPB are SEC parties.
const reg = (r: Partial<RegisteredInstallation>): RegisteredInstallation => ({
  mpan: null,
  mprn: null,
  mpanMeterTypes: [],
  mprnMeterTypes: [],
  esmeActiveSupplierId: null,
  gsmeActiveSupplierId: null,
  blocked: false,
  ...r,
});
const ELEC = reg({ mpan: '1000000000001', mpanMeterTypes: ['ESME'], esmeActiveSupplierId: 'SUPA' });
const DUAL = reg({
  mpan: '1000000000002',
  mprn: '2000000002',
  mpanMeterTypes: ['ESME'],
  mprnMeterTypes: ['GSME', 'GPF'],
  esmeActiveSupplierId: 'SUPA',
  gsmeActiveSupplierId: 'SUPA',
});
const SPLIT = reg({
  mpan: '1000000000003',
  mprn: '2000000003',
  mpanMeterTypes: ['ESME'],
  mprnMeterTypes: ['GSME', 'GPF'],
  esmeActiveSupplierId: 'SUPA',
  gsmeActiveSupplierId: 'SUPB',
});
const DORMANT_DUAL = reg({
  mpan: '1000000000004',
  mprn: '2000000004',
  mpanMeterTypes: ['ESME'],
  mprnMeterTypes: ['GSME', 'GPF'],
});
const DORMANT_ELEC = reg({ mpan: '1000000000005', mpanMeterTypes: ['ESME'] });
const DORMANT_BLOCKED = reg({ mpan: '1000000000006', mpanMeterTypes: ['ESME'], blocked: true });
const ACTIVE_DORMANT = reg({
  mpan: '1000000000007',
  mprn: '2000000007',
  mpanMeterTypes: ['ESME'],
  mprnMeterTypes: ['GSME', 'GPF'],
  esmeActiveSupplierId: 'SUPA',
});
const WRONG_TYPES = reg({
  mpan: '1000000000008',
  mprn: '2000000008',
  mpanMeterTypes: ['GSME'],
  mprnMeterTypes: ['GPF'],
  esmeActiveSupplierId: 'SUPA',
  gsmeActiveSupplierId: 'SUPA',
});
const ACTIVE_BLOCKED = reg({
  mpan: '1000000000009',
  mpanMeterTypes: ['ESME'],
  esmeActiveSupplierId: 'SUPA',
  blocked: true,
});

const TODAY = '2026-03-25'; // a Wednesday
const ctx = maValidationContext(TODAY, [
  ELEC,
  DUAL,
  SPLIT,
  DORMANT_DUAL,
  DORMANT_ELEC,
  DORMANT_BLOCKED,
  ACTIVE_DORMANT,
  WRONG_TYPES,
  ACTIVE_BLOCKED,
]);

const CERT = { serialNumber: '0A1B', issuerName: 'SMKI Organisation CA' };
const supplierElec: MigrationAuthorisationItem = {
  mpan: ELEC.mpan,
  supplierId: 'SUPA',
  submittedBy: 'supplier',
  migrationWeek: '2026-03-30',
  migrateOn: '2026-04-01',
  esmeSupplierCertificateIds: [CERT],
};
const supplierDual: MigrationAuthorisationItem = {
  ...supplierElec,
  mpan: DUAL.mpan,
  mprn: DUAL.mprn,
  gsmeSupplierCertificateIds: [CERT],
  gpfSupplierCertificateIds: [CERT],
};
const dccDual: MigrationAuthorisationItem = {
  mpan: DORMANT_DUAL.mpan,
  mprn: DORMANT_DUAL.mprn,
  supplierId: 'DCC',
  submittedBy: 'dcc',
  migrationWeek: '2026-03-30',
  migrateOn: '2026-04-01',
  esmeSupplierId: 'SUPA',
  gsmeSupplierId: 'SUPB',
};
const dccElec: MigrationAuthorisationItem = {
  ...dccDual,
  mpan: DORMANT_ELEC.mpan,
  mprn: null,
  gsmeSupplierId: null,
};

const codes = (item: MigrationAuthorisationItem) =>
  validateMigrationAuthorisation(item, ctx).failures.map((f) => f.code);

describe('MEHRS 2.3.2 / Appendix A.1: the base items pass', () => {
  it.each([
    ['supplier, electricity only', supplierElec],
    ['supplier, dual fuel', supplierDual],
    ['supplier, split supply ESME', { ...supplierElec, mpan: SPLIT.mpan }],
    ['supplier, Active/Dormant: the Active ESME only', { ...supplierElec, mpan: ACTIVE_DORMANT.mpan }],
    ['DCC, dormant dual fuel', dccDual],
    ['DCC, dormant electricity only', dccElec],
  ])('%s', (_, item) => {
    expect(validateMigrationAuthorisation(item, ctx)).toEqual({ valid: true, failures: [] });
  });
});

describe('MEHRS 2.3.2 / Appendix A.1: each check, passing and failing', () => {
  // [code, passing item, failing item, exact failures of the failing item]
  const cases: [string, MigrationAuthorisationItem, MigrationAuthorisationItem, string[]][] = [
    [
      'MA001 MPAN not registered',
      supplierElec,
      { ...supplierElec, mpan: '1999999999999' },
      ['MA001', 'MA007'],
    ],
    [
      'MA001 no ESME at the MPAN',
      dccElec,
      { ...dccElec, mpan: WRONG_TYPES.mpan },
      ['MA001', 'MA012', 'MA013', 'MA015'],
    ],
    ['MA002 MPRN not registered', dccDual, { ...dccElec, mprn: '2999999999' }, ['MA002']],
    [
      'MA002 no GSME at the MPRN',
      supplierDual,
      { ...supplierDual, mpan: WRONG_TYPES.mpan, mprn: WRONG_TYPES.mprn },
      ['MA001', 'MA002'],
    ],
    ['MA003 not a Monday', supplierElec, { ...supplierElec, migrationWeek: '2026-03-31' }, ['MA003']],
    [
      'MA004 week ended',
      { ...supplierElec, migrationWeek: '2026-03-23', migrateOn: '2026-03-29' },
      { ...supplierElec, migrationWeek: '2026-03-16', migrateOn: '2026-03-26' },
      ['MA004', 'MA005'],
    ],
    [
      'MA005 Migrate On after the week',
      supplierElec,
      { ...supplierElec, migrateOn: '2026-04-06' },
      ['MA005'],
    ],
    [
      'MA005 Migrate On before the week',
      supplierElec,
      { ...supplierElec, migrateOn: '2026-03-29' },
      ['MA005'],
    ],
    [
      'MA006 Migrate On today',
      { ...supplierElec, migrationWeek: '2026-03-23', migrateOn: '2026-03-26' },
      { ...supplierElec, migrationWeek: '2026-03-23', migrateOn: '2026-03-25' },
      ['MA006'],
    ],
    [
      'MA006 Migrate On in the past',
      { ...supplierElec, migrationWeek: '2026-03-23', migrateOn: '2026-03-29' },
      { ...supplierElec, migrationWeek: '2026-03-23', migrateOn: '2026-03-24' },
      ['MA006'],
    ],
    ['MA007 not the ESME Active Supplier', supplierElec, { ...supplierElec, supplierId: 'SUPB' }, ['MA007']],
    [
      'MA007 dormant ESME from a supplier',
      supplierElec,
      { ...supplierElec, mpan: DORMANT_ELEC.mpan },
      ['MA007'],
    ],
    [
      'MA008 not the GSME Active Supplier',
      { ...supplierDual, mpan: null, mprn: SPLIT.mprn, supplierId: 'SUPB' },
      { ...supplierDual, mpan: null, mprn: SPLIT.mprn, supplierId: 'SUPA' },
      ['MA008'],
    ],
    ['MA009 operating both, MPRN missing', supplierDual, { ...supplierDual, mprn: null }, ['MA009']],
    ['MA009 operating both, MPAN missing', supplierDual, { ...supplierDual, mpan: null }, ['MA009']],
    [
      'MA010 no ESME certificates',
      supplierElec,
      { ...supplierElec, esmeSupplierCertificateIds: [] },
      ['MA010'],
    ],
    [
      'MA010 certificate without serial',
      supplierElec,
      { ...supplierElec, esmeSupplierCertificateIds: [{ issuerName: 'CA' }] },
      ['MA010'],
    ],
    [
      'MA011 no GPF certificates',
      supplierDual,
      { ...supplierDual, gpfSupplierCertificateIds: null },
      ['MA011'],
    ],
    [
      'MA011 no GSME certificates',
      supplierDual,
      { ...supplierDual, gsmeSupplierCertificateIds: undefined },
      ['MA011'],
    ],
    ['MA012 DCC MA for an Active installation', dccElec, { ...dccElec, mpan: ELEC.mpan }, ['MA012']],
    [
      'MA012 DCC MA for Active/Dormant (naming the dormant MPRN)',
      dccElec,
      { ...dccElec, mpan: null, mprn: ACTIVE_DORMANT.mprn },
      ['MA012', 'MA013', 'MA015'],
    ],
    [
      'MA012 DCC MA for Active/Dormant (both named)',
      dccDual,
      { ...dccDual, mpan: ACTIVE_DORMANT.mpan, mprn: ACTIVE_DORMANT.mprn },
      ['MA012'],
    ],
    ['MA013 DCC dual fuel, MPRN missing', dccDual, { ...dccDual, mprn: null }, ['MA013']],
    ['MA014 DCC without ESME Supplier Id', dccElec, { ...dccElec, esmeSupplierId: ' ' }, ['MA014']],
    [
      'MA015 DCC dual fuel without GSME Supplier Id',
      dccDual,
      { ...dccDual, gsmeSupplierId: null },
      ['MA015'],
    ],
    [
      'MA016 serial without issuer',
      supplierDual,
      { ...supplierDual, gpfSupplierCertificateIds: [{ serialNumber: '77', issuerName: '' }] },
      ['MA016'],
    ],
    ['MA017 blocked dormant installation', dccElec, { ...dccElec, mpan: DORMANT_BLOCKED.mpan }, ['MA017']],
    // D3: MEHRS 2.3.2 makes MA017 relevant for Dormant Meter Migrations only; an Active-only block is MA117 later.
    [
      'MA017 not on a blocked Active-only installation (D3)',
      supplierElec,
      { ...supplierElec, mpan: ACTIVE_BLOCKED.mpan },
      [],
    ],
  ];

  it.each(cases)('%s', (_, passing, failing, expected) => {
    expect(codes(passing)).toEqual([]);
    expect(codes(failing)).toEqual(expected);
  });

  it('MA018: a dual fuel installation with one Responsible Supplier split into two MAs', () => {
    const elecOnly = {
      ...supplierDual,
      mprn: null,
      gsmeSupplierCertificateIds: null,
      gpfSupplierCertificateIds: null,
    };
    const gasOnly = { ...supplierDual, mpan: null, esmeSupplierCertificateIds: null };
    const results = validateMigrationAuthorisations([elecOnly, gasOnly], ctx);
    // D5: MA018 is the specific diagnosis of the missing meter point, so it is no longer shadowed by MA009.
    expect(results.map((r) => r.failures.map((f) => f.code))).toEqual([['MA018'], ['MA018']]);
    expect(results[0]?.failures[0]?.reason).toBe(
      'The ESME and GSME at MPAN 1000000000002 / MPRN 2000000002 have the same Responsible Supplier (SUPA) and were ' +
        'authorised in two MAs: submit them as 1 MA.',
    );
    // One MA for both passes.
    expect(validateMigrationAuthorisations([supplierDual], ctx)[0]?.valid).toBe(true);
  });

  it('MA018: split supply (two Responsible Suppliers) in two MAs passes', () => {
    const a = { ...supplierElec, mpan: SPLIT.mpan };
    const b = { ...supplierDual, mpan: null, mprn: SPLIT.mprn, supplierId: 'SUPB' };
    expect(validateMigrationAuthorisations([a, b], ctx).map((r) => r.valid)).toEqual([true, true]);
  });

  it('MA018: two DCC MAs naming the same ESME and GSME Supplier Id', () => {
    const e = { ...dccDual, mprn: null, gsmeSupplierId: 'SUPA' };
    const g = { ...dccDual, mpan: null, esmeSupplierId: 'SUPA', gsmeSupplierId: 'SUPA' };
    expect(validateMigrationAuthorisations([e, g], ctx).map((r) => r.failures.map((f) => f.code))).toEqual([
      ['MA018'],
      ['MA018'],
    ]);
    // Different Responsible Suppliers: no MA018.
    const g2 = { ...g, gsmeSupplierId: 'SUPB' };
    const e2 = { ...e, gsmeSupplierId: 'SUPB' };
    expect(validateMigrationAuthorisations([e2, g2], ctx).map((r) => r.failures.map((f) => f.code))).toEqual([
      ['MA013'],
      ['MA013'],
    ]);
  });

  it('MA018 is not found without the submission', () => {
    expect(codes({ ...supplierDual, mprn: null })).toEqual(['MA009']);
  });
});

describe('several failures at once, in document order', () => {
  it('a supplier MA failing MA001, MA003, MA005, MA006, MA007, MA010, MA016', () => {
    const item: MigrationAuthorisationItem = {
      mpan: '1999999999999',
      supplierId: 'SUPA',
      submittedBy: 'supplier',
      migrationWeek: '2026-04-01', // a Wednesday: MA003
      migrateOn: '2026-03-20', // before today and outside the week: MA005, MA006
      esmeSupplierCertificateIds: [{ serialNumber: '12', issuerName: null }], // no issuer: MA016 (the serial counts as an id)
    };
    expect(codes(item)).toEqual(['MA001', 'MA003', 'MA005', 'MA006', 'MA007', 'MA016']);
    const noCerts = { ...item, esmeSupplierCertificateIds: [] };
    expect(codes(noCerts)).toEqual(['MA001', 'MA003', 'MA005', 'MA006', 'MA007', 'MA010']);
  });

  it('a DCC MA failing MA004, MA005, MA006, MA012, MA013, MA014, MA015, MA017', () => {
    const blockedActiveDual = reg({ ...DUAL, mpan: '1000000000010', mprn: '2000000010', blocked: true });
    const c = maValidationContext(TODAY, [blockedActiveDual]);
    const item: MigrationAuthorisationItem = {
      mpan: blockedActiveDual.mpan,
      supplierId: 'DCC',
      submittedBy: 'dcc',
      migrationWeek: '2026-03-16',
      migrateOn: '2026-03-25',
    };
    const result = validateMigrationAuthorisation(item, c);
    expect(result.valid).toBe(false);
    expect(result.failures.map((f) => f.code)).toEqual([
      'MA004',
      'MA005',
      'MA006',
      'MA012',
      'MA013',
      'MA014',
      'MA015',
      'MA017',
    ]);
    // D4: a DCC MA's failures are never the supplier's to act on (MEHRS 2.3.2, section 4), dates included.
    expect(result.failures.map((f) => f.supplierAction)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('malformed dates fail every date check they take part in', () => {
    expect(codes({ ...supplierElec, migrationWeek: '30/03/2026' })).toEqual(['MA003', 'MA004', 'MA005']);
    expect(codes({ ...supplierElec, migrateOn: '2026-02-30' })).toEqual(['MA005', 'MA006']);
  });

  it('the order of failures always follows MA001..MA018', () => {
    const item: MigrationAuthorisationItem = {
      mpan: '1999999999999',
      mprn: '2999999999',
      supplierId: 'SUPA',
      submittedBy: 'supplier',
      migrationWeek: 'x',
      migrateOn: 'y',
      gpfSupplierCertificateIds: [{ serialNumber: '1' }],
    };
    const got = codes(item);
    expect(got).toEqual([
      'MA001',
      'MA002',
      'MA003',
      'MA004',
      'MA005',
      'MA006',
      'MA007',
      'MA008',
      'MA010',
      'MA011',
      'MA016',
    ]);
    expect(
      [...got].sort(
        (a, b) => MA_VALIDATION_CODES.indexOf(a as never) - MA_VALIDATION_CODES.indexOf(b as never),
      ),
    ).toEqual(got);
  });

  it('gives the reason in words', () => {
    const [failure] = validateMigrationAuthorisation(
      { ...supplierElec, migrationWeek: '2026-03-31', migrateOn: '2026-04-01' },
      ctx,
    ).failures;
    expect(failure).toEqual({
      code: 'MA003',
      reason: 'The Migration Week 2026-03-31 is not a Monday.',
      supplierAction: true,
    });
  });

  it('week ended is judged by today: Sunday of the week is still current', () => {
    const onSunday = maValidationContext('2026-03-29', [ELEC]);
    const item = { ...supplierElec, migrationWeek: '2026-03-23', migrateOn: '2026-03-29' };
    expect(validateMigrationAuthorisation(item, onSunday).failures.map((f) => f.code)).toEqual(['MA006']);
    const onMonday = maValidationContext('2026-03-30', [ELEC]);
    expect(validateMigrationAuthorisation(item, onMonday).failures.map((f) => f.code)).toEqual([
      'MA004',
      'MA006',
    ]);
  });

  it('rejects a malformed today', () => {
    expect(() => validateMigrationAuthorisation(supplierElec, maValidationContext('25/03/2026', []))).toThrow(
      RangeError,
    );
  });
});
