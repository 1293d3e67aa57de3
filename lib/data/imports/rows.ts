/**
 * Row-level format checks for each file kind (docs/file-formats.md): what a file may not contain. A row that fails
 * here rejects the whole file. Whether a well-formed Migration Authorisation passes MEHRS validation (MA001–MA018)
 * is decided later, against the database, and is data, not a format error.
 */
import type { FileImportProblem } from '@/db/schema/operations';
import { errorCode, isFailedStepNumber, reasonCode } from '@/lib/rules/codes';
import type { SupplierCertificateId } from '@/lib/rules/ma-validation';
import { isIsoDate, isValidMigrationWeek } from '@/lib/rules/weeks';
import { DCC_SIGNIFIER, IMPORT_COLUMNS, type ImportKind } from './kinds';

export type { FileImportProblem };

/** What the row checks need to know beyond the row: the SEC parties that exist. */
export interface RowContext {
  /** Supplier SEC party ids. */
  readonly suppliers: ReadonlySet<string>;
}

/** An installation as a file names it: by its MPAN and/or MPRN. */
export interface MeterPoints {
  readonly mpan: string | null;
  readonly mprn: string | null;
}

export interface AuthorisationRow extends MeterPoints {
  readonly line: number;
  readonly secPartyId: string;
  readonly submittedBy: 'supplier' | 'dcc';
  readonly migrationWeek: string;
  readonly migrateOn: string;
  readonly esmeCertificateIds: SupplierCertificateId[];
  readonly gsmeCertificateIds: SupplierCertificateId[];
  readonly gpfCertificateIds: SupplierCertificateId[];
  readonly priority: boolean;
  readonly esmeSupplierId: string | null;
  readonly gsmeSupplierId: string | null;
}

export interface CompletionRow extends MeterPoints {
  readonly line: number;
  readonly migrationWeek: string;
  readonly status: 'success' | 'failure';
  readonly reasonCode: string | null;
}

export interface CommissioningRow extends MeterPoints {
  readonly line: number;
  readonly migrationWeek: string;
  readonly outcome: 'commissioned' | 'failed' | 'rolled-back';
  readonly failedStep: string | null;
  readonly errorCode: string | null;
  readonly supportingData: string | null;
  readonly toBeCommissionedByDcc: boolean;
}

export interface CommissioningOutcomeRow extends MeterPoints {
  readonly line: number;
  readonly secPartyId: string;
  readonly fileCounter: number;
  readonly migrationWeek: string;
  readonly outcome: 'commissioned' | 'failed';
  readonly failedStep: string | null;
  readonly responseCode: string | null;
  readonly requestName: string | null;
}

export interface DemandRow {
  readonly line: number;
  readonly secPartyId: string;
  readonly migrationWeek: string;
  readonly commitment: number;
}

export interface RowsByKind {
  authorisations: AuthorisationRow;
  completions: CompletionRow;
  commissioning: CommissioningRow;
  'commissioning-outcomes': CommissioningOutcomeRow;
  demand: DemandRow;
}

export type RowResult<K extends ImportKind> =
  | { ok: true; row: RowsByKind[K] }
  | { ok: false; problems: FileImportProblem[] };

const MPAN = /^\d{13}$/;
const MPRN = /^\d{6,10}$/;
const COUNTER = /^\d{1,9}$/;
const WHOLE = /^\d{1,9}$/;
/** A SupplierCertificateID as written in a cell: serial (hex) then, after '|', the issuer name. */
const SERIAL = /^[0-9A-Fa-f]{1,40}$/;
const MAX_TEXT = 500;

/** Reads one row's cells by column name, collecting problems as it goes. */
class Cells {
  readonly problems: FileImportProblem[] = [];
  constructor(
    private readonly values: Record<string, string>,
    readonly line: number,
  ) {}

  problem(column: string | null, message: string): void {
    this.problems.push({ line: this.line, column, message });
  }

  text(column: string): string | null {
    const value = (this.values[column] ?? '').trim();
    if (value.length > MAX_TEXT) {
      this.problem(column, `is longer than ${MAX_TEXT} characters.`);
      return null;
    }
    return value === '' ? null : value;
  }

  required(column: string): string | null {
    const value = this.text(column);
    if (value === null && (this.values[column] ?? '').length <= MAX_TEXT)
      this.problem(column, 'is required.');
    return value;
  }

  date(column: string): string {
    const value = this.required(column);
    if (value !== null && !isIsoDate(value)) this.problem(column, `'${value}' is not a date (YYYY-MM-DD).`);
    return value ?? '';
  }

  monday(column: string): string {
    const value = this.date(column);
    if (isIsoDate(value) && !isValidMigrationWeek(value))
      this.problem(column, `${value} is not a Monday (a Migration Week starts on a Monday).`);
    return value;
  }

  flag(column: string): boolean {
    const value = this.text(column);
    if (value === null || value === 'N') return false;
    if (value === 'Y') return true;
    this.problem(column, `'${value}' must be Y or N.`);
    return false;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.required(column)?.toLowerCase() ?? '';
    if (value !== '' && !(allowed as readonly string[]).includes(value))
      this.problem(column, `'${value}' must be one of ${allowed.join(', ')}.`);
    return value as T;
  }

  meterPoints(): MeterPoints {
    const mpan = this.text('mpan');
    const mprn = this.text('mprn');
    if (mpan !== null && !MPAN.test(mpan)) this.problem('mpan', `'${mpan}' is not an MPAN (13 digits).`);
    if (mprn !== null && !MPRN.test(mprn)) this.problem('mprn', `'${mprn}' is not an MPRN (6 to 10 digits).`);
    if (mpan === null && mprn === null) this.problem('mpan', 'An MPAN or an MPRN is required.');
    return { mpan, mprn };
  }

  supplier(column: string, context: RowContext, allowDcc: boolean): string {
    const value = this.required(column);
    if (value === null) return '';
    if (allowDcc && value === DCC_SIGNIFIER) return value;
    if (!context.suppliers.has(value)) this.problem(column, `'${value}' is not a supplier's SEC party id.`);
    return value;
  }

  failedStep(column: string): string | null {
    const value = this.text(column);
    if (value !== null && !isFailedStepNumber(value))
      this.problem(column, `'${value}' is not a TMAD FailedStepNumber (e.g. 5.10 or 5.12.(c)).`);
    return value;
  }

  certificates(column: string): SupplierCertificateId[] {
    const value = this.text(column);
    if (value === null) return [];
    return value.split(';').map((entry) => {
      const [serial = '', ...issuer] = entry.split('|');
      if (!SERIAL.test(serial.trim()))
        this.problem(column, `'${serial.trim()}' is not a certificate serial number (hexadecimal).`);
      const issuerName = issuer.join('|').trim();
      return { serialNumber: serial.trim(), issuerName: issuerName === '' ? null : issuerName };
    });
  }
}

function authorisation(c: Cells, context: RowContext): AuthorisationRow {
  const secPartyId = c.supplier('sec_party_id', context, true);
  const submittedBy = secPartyId === DCC_SIGNIFIER ? 'dcc' : 'supplier';
  const optionalSupplier = (column: string) => {
    const value = c.text(column);
    if (value !== null && !context.suppliers.has(value))
      c.problem(column, `'${value}' is not a supplier's SEC party id.`);
    if (value !== null && submittedBy === 'supplier')
      c.problem(column, 'is only given in a DCC Migration Authorisation (dormant meters).');
    return value;
  };
  return {
    line: c.line,
    secPartyId,
    submittedBy,
    migrationWeek: c.date('migration_week'),
    migrateOn: c.date('migrate_on'),
    ...c.meterPoints(),
    esmeCertificateIds: c.certificates('esme_certificate_ids'),
    gsmeCertificateIds: c.certificates('gsme_certificate_ids'),
    gpfCertificateIds: c.certificates('gpf_certificate_ids'),
    priority: c.flag('priority'),
    esmeSupplierId: optionalSupplier('esme_supplier_id'),
    gsmeSupplierId: optionalSupplier('gsme_supplier_id'),
  };
}

function completion(c: Cells): CompletionRow {
  const points = c.meterPoints();
  const migrationWeek = c.monday('migration_week');
  const status = c.oneOf('completion_status', ['success', 'failure'] as const);
  const code = c.text('reason_code');
  let reason: string | null = null;
  if (status === 'failure' && code === null)
    c.problem('reason_code', 'is required when the status is failure.');
  if (status === 'success' && code !== null)
    c.problem('reason_code', 'must be empty when the status is success.');
  if (code !== null) {
    const entry = reasonCode(code);
    if (!entry) c.problem('reason_code', `'${code}' is not a reason code in MEHRS Appendix A.1.`);
    else reason = entry.code;
  }
  return { line: c.line, ...points, migrationWeek, status, reasonCode: reason };
}

function commissioning(c: Cells): CommissioningRow {
  const points = c.meterPoints();
  const migrationWeek = c.monday('migration_week');
  const outcome = c.oneOf('outcome', ['commissioned', 'failed', 'rolled-back'] as const);
  const failedStep = c.failedStep('failed_step_number');
  const code = c.text('error_code');
  let error: string | null = null;
  if (code !== null) {
    const entry = errorCode(code);
    // MEHRS 2.6.2, 2.6.6: the S1SP's own codes; DSP/S1SP Alert codes belong to the Commissioning Outcome File.
    if (!entry || (entry.source !== 'device-connectivity' && entry.source !== 'chf-commissioning'))
      c.problem('error_code', `'${code}' is not an S1SP error code (12.9.1.ET01 or 12.9.5.DP01).`);
    else error = entry.code;
  }
  if (outcome !== 'commissioned' && failedStep === null && code === null)
    c.problem('failed_step_number', 'A failed installation needs a FailedStepNumber or an error code.');
  if (outcome === 'commissioned' && (failedStep !== null || code !== null))
    c.problem('outcome', 'A commissioned installation has no FailedStepNumber or error code.');
  const supportingData = c.text('supporting_data');
  const toBeCommissionedByDcc = c.flag('to_be_commissioned_by_dcc');
  return {
    line: c.line,
    ...points,
    migrationWeek,
    outcome,
    failedStep,
    errorCode: error,
    supportingData,
    toBeCommissionedByDcc,
  };
}

function commissioningOutcome(c: Cells, context: RowContext): CommissioningOutcomeRow {
  const secPartyId = c.supplier('sec_party_id', context, false);
  const counter = c.required('file_counter') ?? '';
  if (counter !== '' && !COUNTER.test(counter))
    c.problem('file_counter', `'${counter}' is not a whole number.`);
  const points = c.meterPoints();
  const migrationWeek = c.monday('migration_week');
  const outcome = c.oneOf('outcome', ['commissioned', 'failed'] as const);
  const failedStep = c.failedStep('failed_step_number');
  const code = c.text('response_code');
  let response: string | null = null;
  if (code !== null) {
    const entry = errorCode(code);
    // MEHRS 2.7.5 (DSP Response Codes), 2.7.7 (S1SP Alert Codes).
    if (!entry || (entry.source !== 'dsp-response' && entry.source !== 's1sp-alert'))
      c.problem('response_code', `'${code}' is not a DSP response or S1SP alert code (MEHRS 2.7.5, 2.7.7).`);
    else response = entry.code;
  }
  if (outcome === 'failed' && code === null)
    c.problem('response_code', 'A failed commissioning needs a DSP response or S1SP alert code.');
  if (outcome === 'commissioned' && (failedStep !== null || code !== null))
    c.problem('outcome', 'A commissioned installation has no FailedStepNumber or response code.');
  return {
    line: c.line,
    secPartyId,
    fileCounter: Number(counter),
    ...points,
    migrationWeek,
    outcome,
    failedStep,
    responseCode: response,
    requestName: c.text('request_name'),
  };
}

function demand(c: Cells, context: RowContext): DemandRow {
  const secPartyId = c.supplier('sec_party_id', context, false);
  const migrationWeek = c.monday('migration_week');
  const raw = c.required('commitment') ?? '';
  if (raw !== '' && !WHOLE.test(raw)) c.problem('commitment', `'${raw}' is not a whole number.`);
  return { line: c.line, secPartyId, migrationWeek, commitment: Number(raw) };
}

/** Checks one data row (cells by column name, `line` 1-based with the header on line 1). */
export function parseRow<K extends ImportKind>(
  kind: K,
  values: Record<string, string>,
  line: number,
  context: RowContext,
): RowResult<K> {
  const c = new Cells(values, line);
  const builders: { [P in ImportKind]: () => RowsByKind[P] } = {
    authorisations: () => authorisation(c, context),
    completions: () => completion(c),
    commissioning: () => commissioning(c),
    'commissioning-outcomes': () => commissioningOutcome(c, context),
    demand: () => demand(c, context),
  };
  const row = builders[kind]();
  return c.problems.length > 0
    ? { ok: false, problems: c.problems }
    : { ok: true, row: row as RowsByKind[K] };
}

/** Problems with a header line (line 1): every expected column, in order, and nothing else. */
export function checkHeader(kind: ImportKind, header: readonly string[]): FileImportProblem[] {
  const expected: readonly string[] = IMPORT_COLUMNS[kind];
  const got = header.map((h) => h.trim().toLowerCase());
  if (got.length === expected.length && got.every((h, i) => h === expected[i])) return [];
  const missing = expected.filter((e) => !got.includes(e));
  const unexpected = got.filter((g) => !expected.includes(g));
  const parts = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : null,
    unexpected.length > 0 ? `unexpected ${unexpected.map((u) => `'${u}'`).join(', ')}` : null,
    missing.length === 0 && unexpected.length === 0 ? 'columns out of order' : null,
  ].filter(Boolean);
  return [
    {
      line: 1,
      column: null,
      message: `The header must be exactly: ${expected.join(',')} (${parts.join('; ')}).`,
    },
  ];
}
