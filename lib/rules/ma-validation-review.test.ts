/**
 * The rules review's counterexamples D3–D7 against MEHRS 2.3.2 and Appendix A.1 (docs/domain.md "Defects fixed"),
 * each as it was reported and as the documents read.
 */
import { describe, expect, it } from 'vitest';
import {
  type MigrationAuthorisationItem,
  maValidationContext,
  type RegisteredInstallation,
  validateMigrationAuthorisation,
  validateMigrationAuthorisations,
} from './ma-validation';

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
const CERT = { serialNumber: '0A1B', issuerName: 'SMKI CA' };
const ACTIVE_BLOCKED = reg({
  mpan: '1000000000009',
  mpanMeterTypes: ['ESME'],
  esmeActiveSupplierId: 'SUPA',
  blocked: true,
});
const DORMANT_BLOCKED = reg({ mpan: '1000000000019', mpanMeterTypes: ['ESME'], blocked: true });
const GAS_DORMANT = reg({ mprn: '2000000011', mprnMeterTypes: ['GSME', 'GPF'] });
const DUAL = { mpanMeterTypes: ['ESME'], mprnMeterTypes: ['GSME', 'GPF'] } as const;
const DUALX = reg({
  ...DUAL,
  mpan: '1000000000021',
  mprn: '2000000021',
  esmeActiveSupplierId: 'SUPA',
  gsmeActiveSupplierId: 'SUPA',
});
const DUALY = reg({
  ...DUAL,
  mpan: '1000000000022',
  mprn: '2000000022',
  esmeActiveSupplierId: 'SUPA',
  gsmeActiveSupplierId: 'SUPA',
});
const DORMANT_DUAL = reg({ ...DUAL, mpan: '1000000000004', mprn: '2000000004' });
const ACTIVE_DORMANT = reg({
  ...DUAL,
  mpan: '1000000000007',
  mprn: '2000000007',
  esmeActiveSupplierId: 'SUPA',
});
const ctx = maValidationContext('2026-03-25', [
  ACTIVE_BLOCKED,
  DORMANT_BLOCKED,
  GAS_DORMANT,
  DUALX,
  DUALY,
  DORMANT_DUAL,
  ACTIVE_DORMANT,
]);
const supplier = {
  supplierId: 'SUPA',
  submittedBy: 'supplier' as const,
  migrationWeek: '2026-03-30',
  migrateOn: '2026-04-01',
};
const dcc = {
  supplierId: 'DCC',
  submittedBy: 'dcc' as const,
  migrationWeek: '2026-03-30',
  migrateOn: '2026-04-01',
  esmeSupplierId: 'SUPA',
  gsmeSupplierId: 'SUPB',
};
const codes = (item: MigrationAuthorisationItem) =>
  validateMigrationAuthorisation(item, ctx).failures.map((f) => f.code);

describe('D3 MEHRS 2.3.2: MA017 is only relevant for Dormant Meter Migrations', () => {
  it('a blocked Active-only installation on a supplier MA passes validation (it fails MA117 later)', () => {
    expect(codes({ ...supplier, mpan: ACTIVE_BLOCKED.mpan, esmeSupplierCertificateIds: [CERT] })).toEqual([]);
  });

  it('a blocked dormant installation on a DCC MA fails MA017 with no supplier action', () => {
    const r = validateMigrationAuthorisation(
      { ...dcc, mpan: DORMANT_BLOCKED.mpan, gsmeSupplierId: null },
      ctx,
    );
    expect(r.failures.map((f) => [f.code, f.supplierAction])).toEqual([['MA017', false]]);
  });
});

describe('D4 MEHRS 2.3.2: the supplier has an action only on its own MA', () => {
  it('a DCC MA whose week is not a Monday: MA003 with no supplier action', () => {
    const r = validateMigrationAuthorisation(
      { ...dcc, migrationWeek: '2026-03-31', mpan: DORMANT_DUAL.mpan, mprn: DORMANT_DUAL.mprn },
      ctx,
    );
    expect(r.failures.map((f) => [f.code, f.supplierAction])).toEqual([['MA003', false]]);
  });

  it('a supplier MA whose week is not a Monday: MA003 with a supplier action', () => {
    const r = validateMigrationAuthorisation(
      {
        ...supplier,
        migrationWeek: '2026-03-31',
        mpan: ACTIVE_DORMANT.mpan,
        esmeSupplierCertificateIds: [CERT],
      },
      ctx,
    );
    expect(r.failures.map((f) => [f.code, f.supplierAction])).toEqual([['MA003', true]]);
  });
});

describe('D5 Table A.1 MA018: two MAs from one Authorising Party where one would do', () => {
  it('two supplier MAs for one dual fuel installation report MA018 alone, not shadowed by MA009', () => {
    const e = { ...supplier, mpan: DUALX.mpan, esmeSupplierCertificateIds: [CERT] };
    const g = {
      ...supplier,
      mprn: DUALX.mprn,
      gsmeSupplierCertificateIds: [CERT],
      gpfSupplierCertificateIds: [CERT],
    };
    expect(validateMigrationAuthorisations([e, g], ctx).map((r) => r.failures.map((f) => f.code))).toEqual([
      ['MA018'],
      ['MA018'],
    ]);
  });

  it('Active/Dormant, a supplier MA beside a DCC MA naming the same supplier: no MA018 (one MA could not cover both)', () => {
    const se = { ...supplier, mpan: ACTIVE_DORMANT.mpan, esmeSupplierCertificateIds: [CERT] };
    const dg = { ...dcc, mprn: ACTIVE_DORMANT.mprn, gsmeSupplierId: 'SUPA' };
    const results = validateMigrationAuthorisations([se, dg], ctx).map((r) => r.failures.map((f) => f.code));
    expect(results.flat()).not.toContain('MA018');
  });
});

describe('D6 MEHRS 2.3.2 MA009: both meter points of the same installation', () => {
  it("one installation's MPAN with another's MPRN fails MA009 for both installations, once", () => {
    const r = validateMigrationAuthorisation(
      {
        ...supplier,
        mpan: DUALX.mpan,
        mprn: DUALY.mprn,
        esmeSupplierCertificateIds: [CERT],
        gsmeSupplierCertificateIds: [CERT],
        gpfSupplierCertificateIds: [CERT],
      },
      ctx,
    );
    expect(r.failures.map((f) => f.code)).toEqual(['MA009']);
    expect(r.failures[0]?.reason).toMatch(/2000000021.*1000000000022/);
  });

  it('a DCC MA mixing two dormant installations fails MA013', () => {
    const other = reg({ ...DUAL, mpan: '1000000000005', mprn: '2000000005' });
    const c = maValidationContext('2026-03-25', [DORMANT_DUAL, other]);
    const r = validateMigrationAuthorisation({ ...dcc, mpan: DORMANT_DUAL.mpan, mprn: other.mprn }, c);
    expect(r.failures.map((f) => f.code)).toEqual(['MA013']);
  });
});

describe('D7 MEHRS 2.3.2 "(where relevant)": MA014 needs an ESME, the GSME supplier is always named', () => {
  it('a gas-only dormant DCC MA without an ESME Supplier Id passes (no ESME)', () => {
    expect(codes({ ...dcc, esmeSupplierId: null, mprn: GAS_DORMANT.mprn })).toEqual([]);
  });

  it('a gas-only dormant DCC MA without a GSME Supplier Id fails MA015', () => {
    expect(codes({ ...dcc, gsmeSupplierId: null, mprn: GAS_DORMANT.mprn })).toEqual(['MA015']);
  });
});
