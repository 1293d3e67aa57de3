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

type Fail = (code: MaValidationCode, reason: string) => void;

/** The facts of one MA item that several checks share. */
interface ItemFacts {
  readonly item: MigrationAuthorisationItem;
  readonly mpan: string | null;
  readonly mprn: string | null;
  readonly byMpan: RegisteredInstallation | undefined;
  readonly byMprn: RegisteredInstallation | undefined;
  /** The distinct registered installations the MA's MPAN and MPRN belong to (two when they disagree, D6). */
  readonly installations: readonly RegisteredInstallation[];
}

function isDualFuel(i: RegisteredInstallation): boolean {
  return given(i.mpan) && given(i.mprn);
}

/** The MA names both of this dual fuel installation's meter points (its own MPAN *and* its own MPRN). */
function namesBoth(f: ItemFacts, i: RegisteredInstallation): boolean {
  return f.mpan === i.mpan && f.mprn === i.mprn;
}

function hasDormantMeter(i: RegisteredInstallation): boolean {
  return (
    (given(i.mpan) && !given(i.esmeActiveSupplierId)) || (given(i.mprn) && !given(i.gsmeActiveSupplierId))
  );
}

/** MA001–MA002: the named meter points are registered with the required meter type. */
function registrationChecks(f: ItemFacts, fail: Fail): void {
  if (f.mpan && !f.byMpan?.mpanMeterTypes.includes('ESME')) {
    fail(
      'MA001',
      f.byMpan
        ? `No ESME is registered at MPAN ${f.mpan}.`
        : `MPAN ${f.mpan} is not registered in the SMSO system.`,
    );
  }
  if (f.mprn && !f.byMprn?.mprnMeterTypes.includes('GSME')) {
    fail(
      'MA002',
      f.byMprn
        ? `No GSME is registered at MPRN ${f.mprn}.`
        : `MPRN ${f.mprn} is not registered in the SMSO system.`,
    );
  }
}

/** MA003–MA006: the Migration Week and Migrate On dates. */
function dateChecks(item: MigrationAuthorisationItem, today: IsoDate, fail: Fail): void {
  const weekOk = isIsoDate(item.migrationWeek);
  // MA003 "Migration Week date provided is not a Monday."
  if (!isValidMigrationWeek(item.migrationWeek)) {
    fail(
      'MA003',
      weekOk
        ? `The Migration Week ${item.migrationWeek} is not a Monday.`
        : `The Migration Week ${JSON.stringify(item.migrationWeek)} is not a date.`,
    );
  }
  // MA004 "The Migration Week has already ended": once today is after its Sunday (a non-Monday is read as the week
  // containing it).
  if (!weekOk) {
    fail(
      'MA004',
      `The Migration Week ${JSON.stringify(item.migrationWeek)} is not a date, so it cannot be current.`,
    );
  } else {
    const sunday = addCalendarDays(migrationWeekOfDate(item.migrationWeek), 6);
    if (calendarDaysBetween(sunday, today) > 0) {
      fail('MA004', `The Migration Week ${item.migrationWeek} ended on ${sunday}, before today (${today}).`);
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
  if (!isIsoDate(item.migrateOn)) {
    fail('MA006', `The Migrate On date ${JSON.stringify(item.migrateOn)} is not a date.`);
  } else if (calendarDaysBetween(today, item.migrateOn) <= 0) {
    fail('MA006', `The Migrate On date ${item.migrateOn} is on or earlier than today (${today}).`);
  }
}

/** MA007–MA011: a supplier's MA (MEHRS 2.3.2). `split` is true when MA018 already explains a missing meter point. */
function supplierChecks(f: ItemFacts, fail: Fail, ma018: boolean): void {
  const { item, mpan, mprn } = f;
  // MA007 / MA008: the named meter's Active Supplier is the submitter (an unregistered one has none).
  if (mpan && f.byMpan?.esmeActiveSupplierId !== item.supplierId) {
    fail('MA007', `${item.supplierId} is not the current Active Supplier for MPAN ${mpan}.`);
  }
  if (mprn && f.byMprn?.gsmeActiveSupplierId !== item.supplierId) {
    fail('MA008', `${item.supplierId} is not the current Active Supplier for MPRN ${mprn}.`);
  }
  // MA009: "...where the requesting supplier is operating both the MPAN and the MPRN at the installation": for each
  // installation the MA touches, its own MPAN and its own MPRN (D6: another installation's MPRN does not count).
  const incomplete = f.installations.filter(
    (i) =>
      isDualFuel(i) &&
      i.esmeActiveSupplierId === item.supplierId &&
      i.gsmeActiveSupplierId === item.supplierId &&
      !namesBoth(f, i),
  );
  if (incomplete.length > 0 && !ma018) {
    fail(
      'MA009',
      `${item.supplierId} operates both the MPAN and the MPRN at ${incomplete.map((i) => `MPAN ${i.mpan} / MPRN ${i.mprn}`).join(' and at ')}, so both of an installation's meter points must be provided.`,
    );
  }
  // MA010 / MA011: certificates for what the MA authorises (GSME and GPF both needed).
  if (mpan && !hasCertificates(item.esmeSupplierCertificateIds)) {
    fail('MA010', `No SupplierCertificateIDs were provided for the ESME at MPAN ${mpan}.`);
  }
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

/** MA012–MA015: a DCC MA for a Dormant Meter Migration (MEHRS 2.3.2 "(where relevant)"). */
function dccChecks(f: ItemFacts, fail: Fail, ma018: boolean): void {
  const { item } = f;
  // MA012: any meter of the installation is Active, including one the MA does not name.
  if (f.installations.some((i) => given(i.esmeActiveSupplierId) || given(i.gsmeActiveSupplierId))) {
    fail('MA012', 'The DCC Migration Authorisation is for an installation that has an Active meter.');
  }
  // MA013: a dual fuel installation's own MPAN and MPRN (D6).
  const incomplete = f.installations.filter((i) => isDualFuel(i) && !namesBoth(f, i));
  if (incomplete.length > 0 && !ma018) {
    fail(
      'MA013',
      `The installation is dual fuel (${incomplete.map((i) => `MPAN ${i.mpan}, MPRN ${i.mprn}`).join('; ')}); the DCC Migration Authorisation must specify both of its meter points.`,
    );
  }
  // MA014 is relevant where the installation has an ESME (D7: not for a gas-only installation).
  const hasEsme = f.installations.some((i) => given(i.mpan));
  if (hasEsme && !given(item.esmeSupplierId)) {
    fail('MA014', 'The DCC Migration Authorisation does not specify an ESME Supplier Id.');
  }
  // MA015: "for a dual fuel installation" presumes, like MA014, that every installation has an ESME; our reading
  // (D7) asks for the GSME Supplier Id wherever the installation has a GSME, so a gas-only MA names its supplier.
  const hasGsme = f.installations.some((i) => given(i.mprn));
  if (hasGsme && !given(item.gsmeSupplierId)) {
    fail(
      'MA015',
      `The DCC Migration Authorisation for an installation with a GSME does not specify a GSME Supplier Id.`,
    );
  }
}

/**
 * MA018 "If ESME and GSME have same responsible Supplier (Sec Party) then the authorisation should be submitted as
 * 1 MA" (D5): this MA names one meter point of a dual fuel installation, another MA *from the same Authorising
 * Party* in the submission names the other, and both meters have the same Responsible Supplier. It is the more
 * specific diagnosis of the missing meter point, so it replaces MA009/MA013 for the item. A supplier MA beside a DCC
 * MA (Active/Dormant) is not MA018: one MA could not cover both (the supplier may not authorise the Dormant Meter).
 */
function ma018(f: ItemFacts, submission: readonly MigrationAuthorisationItem[] | undefined): string | null {
  const inst = f.byMpan ?? f.byMprn;
  if (!inst || !isDualFuel(inst) || !f.mpan === !f.mprn || !submission) return null;
  const other = submission.find(
    (o) =>
      o !== f.item &&
      o.submittedBy === f.item.submittedBy &&
      o.supplierId === f.item.supplierId &&
      (f.mpan ? given(o.mprn) && o.mprn.trim() === inst.mprn : given(o.mpan) && o.mpan.trim() === inst.mpan),
  );
  if (!other) return null;
  const esme = responsibleSupplier('esme', inst, f.mpan ? f.item : other);
  const gsme = responsibleSupplier('gsme', inst, f.mpan ? other : f.item);
  if (esme === null || esme !== gsme) return null;
  return `The ESME and GSME at MPAN ${inst.mpan} / MPRN ${inst.mprn} have the same Responsible Supplier (${esme}) and were authorised in two MAs: submit them as 1 MA.`;
}

/** MEHRS 2.3.2 / Appendix A.1: checks MA001–MA018 against the registry, returning every failure in order. */
export function validateMigrationAuthorisation(
  item: MigrationAuthorisationItem,
  context: MaValidationContext,
): MaValidationResult {
  if (!isIsoDate(context.today)) throw new RangeError(`context.today is not 'YYYY-MM-DD': ${context.today}`);
  const failures: MaValidationFailure[] = [];
  const fromSupplier = item.submittedBy === 'supplier';
  // D4: the supplier has an action only on its own MA; a DCC MA's failures are the MCC's (MEHRS 2.3.2, 4).
  const fail: Fail = (code, reason) =>
    failures.push({ code, reason, supplierAction: fromSupplier && !NO_SUPPLIER_ACTION.has(code) });

  const mpan = given(item.mpan) ? item.mpan.trim() : null;
  const mprn = given(item.mprn) ? item.mprn.trim() : null;
  const byMpan = mpan ? context.findByMpan(mpan) : undefined;
  const byMprn = mprn ? context.findByMprn(mprn) : undefined;
  const installations = [
    ...new Set([byMpan, byMprn].filter((i): i is RegisteredInstallation => i !== undefined)),
  ];
  const facts: ItemFacts = { item, mpan, mprn, byMpan, byMprn, installations };
  const twoMas = ma018(facts, context.submission);

  registrationChecks(facts, fail);
  dateChecks(item, context.today, fail);
  if (fromSupplier) supplierChecks(facts, fail, twoMas !== null);
  if (item.submittedBy === 'dcc') dccChecks(facts, fail, twoMas !== null);

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

  // MA017 "The installation is currently blocked": MEHRS 2.3.2 makes it relevant for Dormant Meter Migrations only
  // (D3): a DCC MA, or an installation with a Dormant Meter. An Active-only block found later is MA117.
  const dormantMigration = item.submittedBy === 'dcc' || installations.some(hasDormantMeter);
  if (dormantMigration && installations.some((i) => i.blocked)) {
    fail('MA017', 'The installation is currently blocked from being migrated.');
  }

  if (twoMas) fail('MA018', twoMas);
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
