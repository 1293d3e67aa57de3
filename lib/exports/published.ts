/**
 * Every column list ever published, by export and version: "header:kind" per column. Suppliers automate on these
 * files (MRR v3.0, seed 003 4.6), so a published version is never edited: a change to an export's columns gets a
 * new version number in its definition and a new entry here, and the old entry stays. The column-version test
 * (lib/exports/published.test.ts) fails when a definition's columns differ from its version's entry.
 */
export const PUBLISHED_COLUMNS: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>> = {
  installations: {
    1: [
      'Installation ID:integer',
      'MPAN:identifier',
      'MPRN:identifier',
      'Electricity Supplier:text',
      'Gas Supplier:text',
      'GroupID:code',
      'Installation Type:code',
      'Split Supply:boolean',
      'Migration Week:date',
      'Stage:code',
      'Status:code',
      'Last Code:code',
      'Last Code Description:text',
      'Attempts:integer',
      'Last Changed:timestamp',
    ],
  },
  'report-2': {
    1: [
      'Failure Time:timestamp',
      'MPAN:identifier',
      'MPRN:identifier',
      'GroupID:code',
      'Installation Type:code',
      'Attempt:integer',
      'Stage:code',
      'Outcome:code',
      'Reason or Error Code:code',
      'FailedStepNumber:code',
      'MEHRS Section:code',
    ],
  },
  'report-6': {
    1: [
      'Completion Time:timestamp',
      'Authorising Party ID:identifier',
      'Authorising Party:text',
      'MPAN:identifier',
      'MPRN:identifier',
      'Migration Week:date',
      'Migrate On:date',
      'MA Received:timestamp',
      'Completion Status:code',
      'Completion Reason Code:code',
    ],
  },
  'report-8': {
    1: [
      'Authorising Party ID:identifier',
      'Authorising Party:text',
      'Migration Week:date',
      'DCC Migration Commitment:integer',
      'Migration Authorisations Received:integer',
      'Valid Migration Authorisations:integer',
      'Difference:integer',
      'Percentage Of Commitment:decimal',
    ],
  },
  'report-10': {
    1: [
      'MA Received:timestamp',
      'Authorising Party ID:identifier',
      'Authorising Party:text',
      'MPAN:identifier',
      'MPRN:identifier',
      'Migration Week:date',
      'Migrate On:date',
      'Validation Status:code',
      'Reason Code:code',
      'Reason Description:text',
    ],
  },
  's1mig-001': {
    1: [
      'Migrated At:timestamp',
      'MPAN:identifier',
      'MPRN:identifier',
      'GroupID:code',
      'Installation Type:code',
      'Migration Week:date',
      'Migrate On:date',
      'Attempt:integer',
    ],
  },
  'split-supply': {
    1: [
      'Installation ID:integer',
      'MPAN:identifier',
      'MPRN:identifier',
      'Migration Week:date',
      'Published:boolean',
      'Submission Cut-off:timestamp',
      'Electricity Supplier:text',
      'Electricity MA:code',
      'Gas Supplier:text',
      'Gas MA:code',
    ],
  },
};
