/**
 * Demand against commitment (MEHRS 2.2.1): the weeks Report 8 covers, its figures and row shape, the order the MCC
 * reads suppliers in, and a coming week's fill against commitment and capacity. Pure: `now` is passed in.
 */
import { DEMAND_DEFAULTS, type DemandConfig } from './config';
import { addMigrationWeeks, type IsoDate, migrationWeekOf } from './weeks';

/** The last Migration Week that has ended at `now` (London time): the week before the current one. */
export function lastCompleteMigrationWeek(now: Date): IsoDate {
  return addMigrationWeeks(migrationWeekOf(now), -1);
}

/** `count` Migration Weeks ending with `week`, oldest first. */
export function weeksEndingWith(week: IsoDate, count: number): IsoDate[] {
  return Array.from({ length: count }, (_, i) => addMigrationWeeks(week, i - count + 1));
}

/** MEHRS 2.2.1: the four Migration Weeks a Report 8 for `week` covers, oldest first, `week` last. */
export function report8Weeks(week: IsoDate, config: DemandConfig = DEMAND_DEFAULTS): IsoDate[] {
  return weeksEndingWith(week, config.report8Weeks);
}

/** The coming Migration Weeks whose planned volume is shown: the current one (still filling) and those after it. */
export function comingMigrationWeeks(now: Date, config: DemandConfig = DEMAND_DEFAULTS): IsoDate[] {
  const current = migrationWeekOf(now);
  return Array.from({ length: config.plannedWeeksAhead }, (_, i) => addMigrationWeeks(current, i));
}

export interface DemandFigures {
  /** Received minus committed: negative when the commitment was not met. */
  difference: number;
  /** How many MAs short of the commitment (0 when met or exceeded). */
  shortfall: number;
  /** Received as a percentage of the commitment, one decimal; null when nothing was committed. */
  percentage: number | null;
}

/** MEHRS 2.2.1 (a): the Migration Authorisations received against the DCC Migration Demand Commitment. */
export function demandFigures(committed: number, received: number): DemandFigures {
  return {
    difference: received - committed,
    shortfall: Math.max(0, committed - received),
    percentage: committed > 0 ? Math.round((received / committed) * 1000) / 10 : null,
  };
}

/** What Report 8 says for one Authorising Party and one Migration Week. */
export interface Report8Input {
  partyName: string;
  secPartyId: string | null;
  migrationWeek: IsoDate;
  committed: number;
  /** Every MA received for the week, accepted or rejected. */
  received: number;
  /** MAs rejected by the Requesting Party's checks MA001–MA018 (MEHRS 2.3.2). */
  rejected: number;
}

export interface Report8Row extends Report8Input, DemandFigures {
  accepted: number;
}

export function report8Row(input: Report8Input): Report8Row {
  return {
    ...input,
    accepted: input.received - input.rejected,
    ...demandFigures(input.committed, input.received),
  };
}

/**
 * Report 8 (S1MIG-008) as a table: the page's table and the CSV export both read these columns, in this order, so
 * the download says exactly what the page shows. Once published, never rename or reorder a column (MRR v3.0 keeps
 * its data structures stable).
 */
export const REPORT_8_COLUMNS: readonly {
  key: string;
  header: string;
  value: (row: Report8Row) => string;
}[] = [
  { key: 'party', header: 'Authorising Party', value: (r) => r.partyName },
  { key: 'secPartyId', header: 'SEC Party ID', value: (r) => r.secPartyId ?? '' },
  { key: 'week', header: 'Migration Week', value: (r) => r.migrationWeek },
  { key: 'committed', header: 'DCC Migration Commitment', value: (r) => String(r.committed) },
  { key: 'received', header: 'Migration Authorisations Received', value: (r) => String(r.received) },
  { key: 'accepted', header: 'Accepted', value: (r) => String(r.accepted) },
  { key: 'rejected', header: 'Rejected', value: (r) => String(r.rejected) },
  { key: 'difference', header: 'Difference', value: (r) => String(r.difference) },
  {
    key: 'percentage',
    header: 'Percentage of Commitment',
    value: (r) => (r.percentage === null ? '' : r.percentage.toFixed(1)),
  },
];

/** Report 8 rows as a header line and string records, party then week order (deterministic for a CSV). */
export function report8Table(rows: readonly Report8Row[]): { header: string[]; records: string[][] } {
  const ordered = [...rows].sort(
    (a, b) =>
      a.partyName.localeCompare(b.partyName, 'en-GB') || a.migrationWeek.localeCompare(b.migrationWeek),
  );
  return {
    header: REPORT_8_COLUMNS.map((c) => c.header),
    records: ordered.map((row) => REPORT_8_COLUMNS.map((c) => c.value(row))),
  };
}

/** Parties ordered for the MCC: largest total shortfall over the window first, then by name. */
export function sortByShortfall<T extends { name: string; weeks: readonly { shortfall: number }[] }>(
  parties: readonly T[],
): T[] {
  const total = (p: T) => p.weeks.reduce((sum, w) => sum + w.shortfall, 0);
  return [...parties].sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name, 'en-GB'));
}

export interface PlannedWeekInput {
  migrationWeek: IsoDate;
  /** Installations whose current Migration Week this is. */
  scheduled: number;
  /** Of those, how many the MCC put there after dormant triage (MEHRS 4). */
  rescheduledByTriage: number;
  committed: number;
  /** DCC's capacity for the week, when recorded and visible to the viewer. */
  capacity: number | null;
}

export interface PlannedWeek extends PlannedWeekInput {
  /** Scheduled as a percentage of capacity (one decimal), null without a capacity. */
  capacityUsed: number | null;
  overCapacity: boolean;
  overCommitment: boolean;
}

/** A coming week filling up: scheduled against the commitment and DCC's capacity, flagged when over. */
export function plannedWeek(input: PlannedWeekInput): PlannedWeek {
  const { capacity, scheduled, committed } = input;
  return {
    ...input,
    capacityUsed: capacity && capacity > 0 ? Math.round((scheduled / capacity) * 1000) / 10 : null,
    overCapacity: capacity !== null && scheduled > capacity,
    overCommitment: scheduled > committed,
  };
}

/** MEHRS 2.2.1 (a)–(e): why a commitment can be missed, and whether this product's data records it. */
export const SHORTFALL_CAUSES = [
  {
    key: 'fewer-authorisations',
    clause: '2.2.1 (a)',
    cause: 'The supplier sent fewer Migration Authorisations than the commitment',
    recorded: true,
  },
  {
    key: 'dcc-capacity',
    clause: '2.2.1 (b)',
    cause: 'DCC systems could not cope with the demand',
    recorded: false,
  },
  {
    key: 'signature',
    clause: '2.2.1 (c), 2.3.1',
    cause: 'The MCC could not verify the supplier signature on the Migration Authorisation',
    recorded: false,
  },
  {
    key: 'validation',
    clause: '2.2.1 (d), 2.3.2',
    cause: 'The Requesting Party found errors in the Migration Authorisation file',
    recorded: true,
  },
  {
    key: 'mcf',
    clause: '2.2.1 (e), 2.4.1',
    cause: 'The Requesting Party could not generate a Migration Common File',
    recorded: true,
  },
] as const;
