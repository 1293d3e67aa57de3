/**
 * The demo rows as CSV for COPY (PostgreSQL's csv format: an unquoted empty field is NULL, a quoted one the empty
 * string), and the COPY of each table.
 */
import type { DatabaseHandle } from '@/db/client';
import type { PartyRow } from './parties';
import type {
  AuthorisationRow,
  IncidentBundle,
  InstallationChunk,
  InstallationEventRow,
  InstallationRow,
  TriageDecisionRow,
  WeeklyDemandRow,
} from './rows';

/** Free text: always quoted, quotes doubled. */
function quoted(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

function text(value: string | null): string {
  return value === null ? '' : quoted(value);
}

/** Values we generate from fixed vocabularies (codes, enums, dates, digits): never contain , " or newlines. */
function plain(value: string | number | null): string {
  return value === null ? '' : String(value);
}

function bool(value: boolean): string {
  return value ? 't' : 'f';
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();

/**
 * An instant as ISO 8601 UTC ('2025-06-18T10:30:00Z'). Hot: a seed formats tens of millions, and a Date plus
 * toISOString per value dominated the profile, so the day part is cached and the rest is arithmetic.
 */
function time(ms: number | null): string {
  if (ms === null) return '';
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = Math.round(ms - day * DAY_MS);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}${fraction}Z`;
}

/** A text[] literal; our codes need no escaping inside it, but the literal's commas need CSV quoting. */
function textArray(values: readonly string[]): string {
  return values.length === 0 ? '{}' : `"{${values.join(',')}}"`;
}

export const PARTY_COLUMNS = ['id', 'slug', 'name', 'role', 'sec_party_id'] as const;
export function partyCsv(rows: readonly PartyRow[]): string {
  return rows
    .map((p) => `${p.id},${quoted(p.slug)},${quoted(p.name)},${p.role},${text(p.secPartyId)}\n`)
    .join('');
}

const INSTALLATION_COLUMNS = [
  'id',
  'mpan',
  'mprn',
  'group_id',
  'smso_party_id',
  'electricity_supplier_id',
  'gas_supplier_id',
  'electricity_state',
  'gas_state',
  'installation_type',
  'split_supply',
  'to_be_commissioned_by_dcc',
  'priority',
  'migration_week',
  'migrate_on',
  'stage',
  'status',
  'attempt_count',
  'last_code',
  'last_failed_step',
  'last_changed_at',
] as const;
function installationCsv(rows: readonly InstallationRow[]): string {
  const lines = new Array<string>(rows.length);
  let i = 0;
  for (const r of rows) {
    lines[i++] =
      `${r.id},${plain(r.mpan)},${plain(r.mprn)},${r.groupId},${r.smsoPartyId},${plain(r.electricitySupplierId)},` +
      `${plain(r.gasSupplierId)},${plain(r.electricityState)},${plain(r.gasState)},${r.installationType},` +
      `${bool(r.splitSupply)},${bool(r.toBeCommissionedByDcc)},${bool(r.priority)},${r.migrationWeek},${r.migrateOn},` +
      `${r.stage},${r.status},${r.attemptCount},${plain(r.lastCode)},${plain(r.lastFailedStep)},${time(r.lastChangedAt)}`;
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const EVENT_COLUMNS = [
  'id',
  'installation_id',
  'attempt',
  'occurred_at',
  'stage',
  'status',
  'code',
  'failed_step',
  'scenario',
  'note',
] as const;
function eventCsv(rows: readonly InstallationEventRow[]): string {
  const lines = new Array<string>(rows.length);
  let i = 0;
  for (const e of rows) {
    lines[i++] =
      `${e.id},${e.installationId},${e.attempt},${time(e.occurredAt)},${e.stage},${e.status},${plain(e.code)},` +
      `${plain(e.failedStep)},${plain(e.scenario)},${text(e.note)}`;
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const AUTHORISATION_COLUMNS = [
  'id',
  'installation_id',
  'authorising_party_id',
  'mpan',
  'mprn',
  'migration_week',
  'migrate_on',
  'received_at',
  'validation_status',
  'validation_codes',
  'completion_status',
  'completion_code',
  'completed_at',
] as const;
function authorisationCsv(rows: readonly AuthorisationRow[]): string {
  const lines = new Array<string>(rows.length);
  let i = 0;
  for (const a of rows) {
    lines[i++] =
      `${a.id},${a.installationId},${a.authorisingPartyId},${plain(a.mpan)},${plain(a.mprn)},${a.migrationWeek},` +
      `${a.migrateOn},${time(a.receivedAt)},${a.validationStatus},${textArray(a.validationCodes)},` +
      `${plain(a.completionStatus)},${plain(a.completionCode)},${time(a.completedAt)}`;
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const TRIAGE_COLUMNS = [
  'id',
  'installation_id',
  'decided_at',
  'decided_by_user_id',
  'decision',
  'rescheduled_week',
  'reason',
] as const;
function triageCsv(rows: readonly TriageDecisionRow[]): string {
  return rows
    .map(
      (t) =>
        `${t.id},${t.installationId},${time(t.decidedAt)},${quoted(t.decidedByUserId)},${t.decision},` +
        `${plain(t.rescheduledWeek)},${quoted(t.reason)}\n`,
    )
    .join('');
}

export const DEMAND_COLUMNS = ['supplier_id', 'migration_week', 'forecast', 'committed'] as const;
export function demandCsv(rows: readonly WeeklyDemandRow[]): string {
  return rows.map((d) => `${d.supplierId},${d.migrationWeek},${d.forecast},${d.committed}\n`).join('');
}

function copyIfAny(
  handle: DatabaseHandle,
  table: string,
  columns: readonly string[],
  csv: string,
): Promise<void> {
  return csv.length > 0 ? handle.copyCsv(table, columns, csv) : Promise.resolve();
}

export async function copyIncidents(handle: DatabaseHandle, bundle: IncidentBundle): Promise<void> {
  await copyIfAny(
    handle,
    'incidents',
    [
      'id',
      'reference',
      'scenario',
      'title',
      'description',
      'raised_by_party_id',
      'owner_party_id',
      'group_id',
      'category',
      'status',
      'raised_at',
      'resolved_at',
    ],
    bundle.incidents
      .map(
        (i) =>
          `${i.id},${i.reference},${i.scenario},${quoted(i.title)},${quoted(i.description)},${i.raisedByPartyId},` +
          `${i.ownerPartyId},${plain(i.groupId)},${i.category},${i.status},${time(i.raisedAt)},${time(i.resolvedAt)}\n`,
      )
      .join(''),
  );
  await copyIfAny(
    handle,
    'incident_events',
    ['id', 'incident_id', 'at', 'status', 'category', 'by_user_id', 'note'],
    bundle.events
      .map(
        (e) =>
          `${e.id},${e.incidentId},${time(e.at)},${e.status},${e.category},${text(e.byUserId)},${text(e.note)}\n`,
      )
      .join(''),
  );
  await copyIfAny(
    handle,
    'incident_interested_parties',
    ['incident_id', 'party_id'],
    bundle.interestedParties.map((p) => `${p.incidentId},${p.partyId}\n`).join(''),
  );
  await copyIfAny(
    handle,
    'incident_installations',
    ['incident_id', 'installation_id'],
    bundle.installations.map((p) => `${p.incidentId},${p.installationId}\n`).join(''),
  );
  await copyIfAny(
    handle,
    'incident_notes',
    ['id', 'incident_id', 'at', 'author_user_id', 'body'],
    bundle.notes
      .map((n) => `${n.id},${n.incidentId},${time(n.at)},${quoted(n.authorUserId)},${quoted(n.body)}\n`)
      .join(''),
  );
}

/** CSV for the four bulk tables, built up from small batches of installations. */
export class ChunkCsv {
  installations: string[] = [];
  events: string[] = [];
  authorisations: string[] = [];
  triage: string[] = [];
  count = 0;
  eventCount = 0;
  authorisationCount = 0;
  triageCount = 0;

  add(chunk: InstallationChunk): void {
    this.installations.push(installationCsv(chunk.installations));
    this.events.push(eventCsv(chunk.events));
    this.authorisations.push(authorisationCsv(chunk.authorisations));
    this.triage.push(triageCsv(chunk.triageDecisions));
    this.count += chunk.installations.length;
    this.eventCount += chunk.events.length;
    this.authorisationCount += chunk.authorisations.length;
    this.triageCount += chunk.triageDecisions.length;
  }
}

/** One COPY after another: the seed is one transaction on one connection, where a COPY cannot share the wire. */
export async function loadChunk(handle: DatabaseHandle, csv: ChunkCsv): Promise<void> {
  await copyIfAny(handle, 'installations', INSTALLATION_COLUMNS, csv.installations.join(''));
  await copyIfAny(handle, 'installation_events', EVENT_COLUMNS, csv.events.join(''));
  await copyIfAny(handle, 'migration_authorisations', AUTHORISATION_COLUMNS, csv.authorisations.join(''));
  await copyIfAny(handle, 'triage_decisions', TRIAGE_COLUMNS, csv.triage.join(''));
}
