/**
 * The product's file kinds and their published CSV columns (docs/file-formats.md). Once published, a column list
 * never changes (MRR v3.0 kept its data structures stable because suppliers automate on them).
 */

export const IMPORT_KINDS = [
  'authorisations',
  'completions',
  'commissioning',
  'commissioning-outcomes',
  'demand',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  authorisations: 'Migration Authorisations',
  completions: 'MA Completion Responses',
  commissioning: 'S1SP Commissioning File',
  'commissioning-outcomes': 'Commissioning Outcome File',
  demand: 'Migration Demand Commitments',
};

/** The header line each kind must start with, column for column. */
export const IMPORT_COLUMNS = {
  // MEHRS 2.3.2: supplier, Migration Week, Migrate On, MPAN, MPRN, SupplierCertificateIDs with issuer names,
  // priority, and (DCC MAs for dormant meters, MA014/MA015) the ESME and GSME Supplier Ids.
  authorisations: [
    'sec_party_id',
    'migration_week',
    'migrate_on',
    'mpan',
    'mprn',
    'esme_certificate_ids',
    'gsme_certificate_ids',
    'gpf_certificate_ids',
    'priority',
    'esme_supplier_id',
    'gsme_supplier_id',
  ],
  // MRR S1MIG-006: Completion Status Success or Failure, one Completion Reason Code.
  completions: ['mpan', 'mprn', 'migration_week', 'completion_status', 'reason_code'],
  // MEHRS 2.4.5, 2.6: the S1SP Commissioning File's outcome, FailedStepNumber, error code and SupportingData.
  commissioning: [
    'mpan',
    'mprn',
    'migration_week',
    'outcome',
    'failed_step_number',
    'error_code',
    'supporting_data',
    'to_be_commissioned_by_dcc',
  ],
  // MEHRS 2.7.5, 2.7.7; MRR v3.0 4.7: one file per Responsible Supplier with its SEC party and file counter.
  'commissioning-outcomes': [
    'sec_party_id',
    'file_counter',
    'mpan',
    'mprn',
    'migration_week',
    'outcome',
    'failed_step_number',
    'response_code',
    'request_name',
  ],
  // MEHRS 2.2.1: DCC's Migration Demand Commitment per supplier per Migration Week (Report 8).
  demand: ['sec_party_id', 'migration_week', 'commitment'],
} as const satisfies Record<ImportKind, readonly string[]>;

/** The signifier a DCC Migration Authorisation (dormant meters, MEHRS 2.3.2 MA012–MA015) carries. */
export const DCC_SIGNIFIER = 'DCC';
