/**
 * The Requesting Party's checks on receipt of a Migration Authorisation (MEHRS 2.3.2; reason codes Appendix A.1).
 *
 * Every failing check is returned, in the document's order MA001..MA018, each with its code.
 *
 * How the checks are read (each is commented where it is made):
 * - The Appendix A.1 description is the failure condition (it is what Reports 6 and 10 carry); section 2.3.2 gives
 *   each check's scope ("where relevant"): MA007–MA011 are about an Active Supplier's MA, MA012–MA015 about a DCC MA
 *   (dormant MAs come from the DCC), the others apply to both.
 * - A meter point that is not registered in the SMSO system has no Active Supplier, so a supplier naming one fails
 *   both MA001/MA002 and MA007/MA008. Installation-level facts (dual fuel, Active meter, blocked) are known only for
 *   registered meter points; for an unknown one, the checks that need them do not fail.
 * - A malformed date (not 'YYYY-MM-DD') fails every date check it takes part in: a malformed Migration Week fails
 *   MA003, MA004 and MA005; a malformed Migrate On date fails MA005 and MA006.
 * - No check in the table covers an MA naming neither an MPAN nor an MPRN, so none is reported for it.
 */
import type { IsoDate } from './weeks';
import {
  addCalendarDays,
  calendarDaysBetween,
  isIsoDate,
  isMigrateOnInWeek,
  isValidMigrationWeek,
  migrationWeekOfDate,
} from './weeks';

export const MA_VALIDATION_CODES = [
  'MA001',
  'MA002',
  'MA003',
  'MA004',
  'MA005',
  'MA006',
  'MA007',
  'MA008',
  'MA009',
  'MA010',
  'MA011',
  'MA012',
  'MA013',
  'MA014',
  'MA015',
  'MA016',
  'MA017',
  'MA018',
] as const;
export type MaValidationCode = (typeof MA_VALIDATION_CODES)[number];

/** MEHRS 2.3.2: "The checks MA012 - MA015 and MA017 are only relevant for Dormant Meter Migrations and the
 * Responsible Supplier will have no action in relation to these Reason Codes." */
const NO_SUPPLIER_ACTION: ReadonlySet<MaValidationCode> = new Set([
  'MA012',
  'MA013',
  'MA014',
  'MA015',
  'MA017',
]);

/** Device types the SMSO system may register at a meter point. */
export type SmetsMeterType = 'ESME' | 'GSME' | 'GPF';

/** An SMKI certificate identifier as an MA carries it: serial number plus issuer name (MEHRS 2.3.2 MA016). */
export interface SupplierCertificateId {
  readonly serialNumber?: string | null;
  readonly issuerName?: string | null;
}

/** One Migration Authorisation item (one SMETS1 Installation) as received (MEHRS 2.3.2). */
export interface MigrationAuthorisationItem {
  readonly mpan?: string | null;
  readonly mprn?: string | null;
  /** SEC party id of the submitter: the supplier, or the DCC for a dormant MA. */
  readonly supplierId: string;
  /** Dormant MAs come from the DCC (MEHRS 2.3.2 MA012–MA015). */
  readonly submittedBy: 'supplier' | 'dcc';
  /** Should be a Monday (MA003). */
  readonly migrationWeek: IsoDate;
  readonly migrateOn: IsoDate;
  /** SupplierCertificateIDs for the ESME (MA010). */
  readonly esmeSupplierCertificateIds?: readonly SupplierCertificateId[] | null;
  /** SupplierCertificateIDs for the GSME (MA011). */
  readonly gsmeSupplierCertificateIds?: readonly SupplierCertificateId[] | null;
  /** SupplierCertificateIDs for the GPF (MA011). */
  readonly gpfSupplierCertificateIds?: readonly SupplierCertificateId[] | null;
  /** DCC MAs only: the ESME Supplier Id (MA014). */
  readonly esmeSupplierId?: string | null;
  /** DCC MAs only: the GSME Supplier Id, for a dual fuel installation (MA015). */
  readonly gsmeSupplierId?: string | null;
}

/** What the SMSO system (as the Requesting Party sees it) holds for one SMETS1 Installation. */
export interface RegisteredInstallation {
  readonly mpan: string | null;
  readonly mprn: string | null;
  /** Device types registered at the MPAN (MA001 requires an ESME). */
  readonly mpanMeterTypes: readonly SmetsMeterType[];
  /** Device types registered at the MPRN (MA002 requires a GSME). */
  readonly mprnMeterTypes: readonly SmetsMeterType[];
  /** SEC party id of the ESME's Active Supplier; null = Dormant. */
  readonly esmeActiveSupplierId: string | null;
  /** SEC party id of the GSME's Active Supplier; null = Dormant. */
  readonly gsmeActiveSupplierId: string | null;
  /** Currently blocked from being migrated (MA017). */
  readonly blocked: boolean;
}

export interface MaValidationContext {
  /** Today in Great Britain (MA004, MA006). */
  readonly today: IsoDate;
  readonly findByMpan: (mpan: string) => RegisteredInstallation | undefined;
  readonly findByMprn: (mprn: string) => RegisteredInstallation | undefined;
  /**
   * The other MAs received in the same submission. MA018 ("should be submitted as 1 MA") is about two MAs for one
   * installation, so it can only be found when these are given; validateMigrationAuthorisations fills it in.
   */
  readonly submission?: readonly MigrationAuthorisationItem[];
}

/** Builds a context over an in-memory registry (lookups are indexed, so bulk validation stays linear). */
export function maValidationContext(
  today: IsoDate,
  installations: readonly RegisteredInstallation[],
  submission?: readonly MigrationAuthorisationItem[],
): MaValidationContext {
  const byMpan = new Map<string, RegisteredInstallation>();
  const byMprn = new Map<string, RegisteredInstallation>();
  for (const inst of installations) {
    if (inst.mpan) byMpan.set(inst.mpan, inst);
    if (inst.mprn) byMprn.set(inst.mprn, inst);
  }
  return {
    today,
    findByMpan: (mpan) => byMpan.get(mpan),
    findByMprn: (mprn) => byMprn.get(mprn),
    ...(submission ? { submission } : {}),
  };
}

export interface MaValidationFailure {
  readonly code: MaValidationCode;
  /** What failed for this item, in words. */
  readonly reason: string;
  /** False for MA012–MA015 and MA017: the Responsible Supplier has no action (MEHRS 2.3.2). */
  readonly supplierAction: boolean;
}

export interface MaValidationResult {
  readonly valid: boolean;
  /** Every failing check, in the order MA001..MA018. */
  readonly failures: readonly MaValidationFailure[];
}

function given(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A SupplierCertificateID is identified by its serial number. */
function hasCertificates(ids: readonly SupplierCertificateId[] | null | undefined): boolean {
  return (ids ?? []).some((id) => given(id.serialNumber));
}

/** The Responsible Supplier of a meter: its Active Supplier, or for a Dormant meter the one a DCC MA names. */
function responsibleSupplier(
  meter: 'esme' | 'gsme',
  inst: RegisteredInstallation,
  namingItem: MigrationAuthorisationItem,
): string | null {
  const active = meter === 'esme' ? inst.esmeActiveSupplierId : inst.gsmeActiveSupplierId;
  if (given(active)) return active;
  if (namingItem.submittedBy !== 'dcc') return null;
  const named = meter === 'esme' ? namingItem.esmeSupplierId : namingItem.gsmeSupplierId;
  return given(named) ? named : null;
}

/** MEHRS 2.3.2 / Appendix A.1: checks MA001–MA018 against the registry, returning every failure in order. */
export function validateMigrationAuthorisation(
  item: MigrationAuthorisationItem,
  context: MaValidationContext,
): MaValidationResult {
  if (!isIsoDate(context.today)) throw new RangeError(`context.today is not 'YYYY-MM-DD': ${context.today}`);
  const failures: MaValidationFailure[] = [];
  const fail = (code: MaValidationCode, reason: string) =>
    failures.push({ code, reason, supplierAction: !NO_SUPPLIER_ACTION.has(code) });

  const mpan = given(item.mpan) ? item.mpan.trim() : null;
  const mprn = given(item.mprn) ? item.mprn.trim() : null;
  const byMpan = mpan ? context.findByMpan(mpan) : undefined;
  const byMprn = mprn ? context.findByMprn(mprn) : undefined;
  /** The installation the MA is for (by its MPAN, else its MPRN). */
  const inst = byMpan ?? byMprn;
  const installations = [byMpan, byMprn].filter((i): i is RegisteredInstallation => i !== undefined);
  const dualFuel = inst !== undefined && given(inst.mpan) && given(inst.mprn);
  const fromSupplier = item.submittedBy === 'supplier';
  const fromDcc = item.submittedBy === 'dcc';
  const weekOk = isIsoDate(item.migrationWeek);
  const migrateOnOk = isIsoDate(item.migrateOn);

  // MA001 "Required meter type not registered at MPAN": the MPAN provided must be registered with an ESME.
  if (mpan && !byMpan?.mpanMeterTypes.includes('ESME')) {
    fail(
      'MA001',
      byMpan
        ? `No ESME is registered at MPAN ${mpan}.`
        : `MPAN ${mpan} is not registered in the SMSO system.`,
    );
  }
  // MA002 "Required meter type not registered at MPRN": the MPRN provided must be registered with a GSME.
  if (mprn && !byMprn?.mprnMeterTypes.includes('GSME')) {
    fail(
      'MA002',
      byMprn
        ? `No GSME is registered at MPRN ${mprn}.`
        : `MPRN ${mprn} is not registered in the SMSO system.`,
    );
  }
  // MA003 "Migration Week date provided is not a Monday."
  if (!isValidMigrationWeek(item.migrationWeek)) {
    fail(
      'MA003',
      weekOk
        ? `The Migration Week ${item.migrationWeek} is not a Monday.`
        : `The Migration Week ${JSON.stringify(item.migrationWeek)} is not a date.`,
    );
  }
  // MA004 "The Migration Week has already ended": ended once today is after its Sunday. A non-Monday is read as the
  // Migration Week containing it.
  if (!weekOk) {
    fail(
      'MA004',
      `The Migration Week ${JSON.stringify(item.migrationWeek)} is not a date, so it cannot be current.`,
    );
  } else {
    const sunday = addCalendarDays(migrationWeekOfDate(item.migrationWeek), 6);
    if (calendarDaysBetween(sunday, context.today) > 0) {
      fail(
        'MA004',
        `The Migration Week ${item.migrationWeek} ended on ${sunday}, before today (${context.today}).`,
      );
    }
  }
  // MA005 "The Migrate On date is not within the specified Migration Week" (Monday to Sunday inclusive).
  if (!isMigrateOnInWeek(item.migrateOn, item.migrationWeek)) {
    fail(
      'MA005',
      `The Migrate On date ${item.migrateOn} is not within the Migration Week ${item.migrationWeek}.`,
    );
  }
  // MA006 "The Migrate On date is on or earlier than today."
  if (!migrateOnOk) {
    fail('MA006', `The Migrate On date ${JSON.stringify(item.migrateOn)} is not a date.`);
  } else if (calendarDaysBetween(context.today, item.migrateOn) <= 0) {
    fail('MA006', `The Migrate On date ${item.migrateOn} is on or earlier than today (${context.today}).`);
  }

  if (fromSupplier) {
    // MA007 "Supplier is not the current Active Supplier for MPAN." (An unregistered MPAN has no Active Supplier.)
    if (mpan && byMpan?.esmeActiveSupplierId !== item.supplierId) {
      fail('MA007', `${item.supplierId} is not the current Active Supplier for MPAN ${mpan}.`);
    }
    // MA008 "Supplier is not the current Active Supplier for MPRN."
    if (mprn && byMprn?.gsmeActiveSupplierId !== item.supplierId) {
      fail('MA008', `${item.supplierId} is not the current Active Supplier for MPRN ${mprn}.`);
    }
    // MA009 "Both the MPAN and MPRN need to be provided where the requesting supplier is operating both the MPAN and
    // the MPRN at the installation."
    if (
      inst &&
      dualFuel &&
      inst.esmeActiveSupplierId === item.supplierId &&
      inst.gsmeActiveSupplierId === item.supplierId &&
      (!mpan || !mprn)
    ) {
      fail(
        'MA009',
        `${item.supplierId} operates both MPAN ${inst.mpan} and MPRN ${inst.mprn} at the installation, so both must be provided.`,
      );
    }
    // MA010 "Supplier has not provided the SupplierCertificateIDs for the ESME." (when it authorises an ESME)
    if (mpan && !hasCertificates(item.esmeSupplierCertificateIds)) {
      fail('MA010', `No SupplierCertificateIDs were provided for the ESME at MPAN ${mpan}.`);
    }
    // MA011 "Supplier has not provided the SupplierCertificateIDs for the GPF and GSME." Both are needed.
    if (mprn) {
      const missing = [
        hasCertificates(item.gsmeSupplierCertificateIds) ? null : 'GSME',
        hasCertificates(item.gpfSupplierCertificateIds) ? null : 'GPF',
      ].filter((m): m is string => m !== null);
      if (missing.length > 0) {
        fail(
          'MA011',
          `No SupplierCertificateIDs were provided for the ${missing.join(' and ')} at MPRN ${mprn}.`,
        );
      }
    }
  }

  if (fromDcc) {
    // MA012 "DCC authorisation received for an installation which has an Active meter." Any meter of the
    // installation counts, including one the MA does not name.
    const active = installations.some((i) => given(i.esmeActiveSupplierId) || given(i.gsmeActiveSupplierId));
    if (active)
      fail('MA012', 'The DCC Migration Authorisation is for an installation that has an Active meter.');
    // MA013 "Migration Authorisation received from DCC does not specify the MPAN or the MPRN for a dual fuel
    // installation."
    if (inst && dualFuel && (!mpan || !mprn)) {
      fail(
        'MA013',
        `The installation is dual fuel (MPAN ${inst.mpan}, MPRN ${inst.mprn}); the DCC Migration Authorisation must specify both.`,
      );
    }
    // MA014 "A Migration Authorisation received from DCC does not specify an ESME Supplier Id." Literal: every DCC
    // MA (the document assumes every installation has an ESME; a gas-only one would fail here).
    if (!given(item.esmeSupplierId))
      fail('MA014', 'The DCC Migration Authorisation does not specify an ESME Supplier Id.');
    // MA015 "A Migration Authorisation received from DCC for a dual fuel installation does not specify an GSME
    // Supplier Id."
    if (dualFuel && !given(item.gsmeSupplierId)) {
      fail(
        'MA015',
        'The DCC Migration Authorisation for a dual fuel installation does not specify a GSME Supplier Id.',
      );
    }
  }

  // MA016 "A certificate serial number has been provided without the corresponding issuer name." (any certificate)
  const unnamed = [
    ...(item.esmeSupplierCertificateIds ?? []),
    ...(item.gsmeSupplierCertificateIds ?? []),
    ...(item.gpfSupplierCertificateIds ?? []),
  ]
    .filter((c) => given(c.serialNumber) && !given(c.issuerName))
    .map((c) => c.serialNumber?.trim());
  if (unnamed.length > 0) {
    fail('MA016', `No issuer name was provided for certificate serial number(s) ${unnamed.join(', ')}.`);
  }

  // MA017 "The installation is currently blocked from being migrated." The registry's block applies to any MA;
  // MEHRS 2.3.2 notes only dormant installations are concerned in practice, and the supplier has no action.
  if (installations.some((i) => i.blocked))
    fail('MA017', 'The installation is currently blocked from being migrated.');

  // MA018 "If ESME and GSME have same responsible Supplier (Sec Party) then the authorisation should be submitted as
  // 1 MA." Read as a check across MAs: this MA names only one meter point of a dual fuel installation, another MA in
  // the same submission names the other, and both meters have the same Responsible Supplier (SEC party). Within one
  // MA, a missing meter point is MA009 (supplier) or MA013 (DCC).
  if (inst && dualFuel && !mpan !== !mprn && context.submission) {
    const other = context.submission.find(
      (o) =>
        o !== item &&
        (mpan ? given(o.mprn) && o.mprn.trim() === inst.mprn : given(o.mpan) && o.mpan.trim() === inst.mpan),
    );
    if (other) {
      const esme = responsibleSupplier('esme', inst, mpan ? item : other);
      const gsme = responsibleSupplier('gsme', inst, mpan ? other : item);
      if (esme !== null && esme === gsme) {
        fail(
          'MA018',
          `The ESME and GSME at MPAN ${inst.mpan} / MPRN ${inst.mprn} have the same Responsible Supplier (${esme}) ` +
            'and were authorised in two MAs: submit them as 1 MA.',
        );
      }
    }
  }

  return { valid: failures.length === 0, failures };
}

/** Validates a whole submission: each item is checked with the others as its `submission` (for MA018). */
export function validateMigrationAuthorisations(
  items: readonly MigrationAuthorisationItem[],
  context: MaValidationContext,
): MaValidationResult[] {
  const withSubmission: MaValidationContext = { ...context, submission: items };
  return items.map((item) => validateMigrationAuthorisation(item, withSubmission));
}
