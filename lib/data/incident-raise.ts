import 'server-only';
import { and, asc, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  incidentEvents,
  incidentInstallations,
  incidentInterestedParties,
  incidents,
  installations,
  parties,
} from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { DomainError, NotFoundError } from '@/lib/errors';
import type { InstallationFilter } from '@/lib/filters/installations';
import { type RecordKind, raiseOutcome } from '@/lib/rules/incident-workflow';
import type { GroupId, IncidentCategory } from '@/lib/rules/types';
import { installationClauses } from './installation-filters';
import { installationsVisibleTo, withViewerScope } from './scope';

/** An incident raised from a filter links at most this many installations; a wider one is refused. */
export const RAISE_FILTER_LIMIT = 10_000;
/** A pasted list takes at most this many MPANs/MPRNs. */
export const RAISE_LIST_LIMIT = 2_000;

const REFERENCE_PREFIX: Record<RecordKind, string> = {
  incident: 'INC',
  communication: 'COM',
  'service-request': 'SR',
};

/** MPANs (13 digits) and MPRNs (6–10 digits) from pasted text: any separator, duplicates dropped. */
export function parseMeterNumbers(text: string): string[] {
  return [...new Set(text.match(/\d{6,13}/g) ?? [])];
}

export interface InstallationMatch {
  id: number;
  mpan: string | null;
  mprn: string | null;
  suppliers: string[];
}

/** Finds the installations a pasted list names, as the viewer may see them, and says which numbers matched none. */
export async function findInstallationsByMeter(
  viewer: Viewer,
  numbers: readonly string[],
): Promise<{ found: InstallationMatch[]; unmatched: string[] }> {
  if (numbers.length === 0) return { found: [], unmatched: [] };
  if (numbers.length > RAISE_LIST_LIMIT)
    throw new DomainError('invalid', `Paste at most ${RAISE_LIST_LIMIT} MPANs or MPRNs at a time.`);
  return withViewerScope(viewer, async (db) => {
    const rows = await db
      .select({
        id: installations.id,
        mpan: installations.mpan,
        mprn: installations.mprn,
        electricity: sql<
          string | null
        >`(select name from ${parties} where id = ${installations.electricitySupplierId})`,
        gas: sql<string | null>`(select name from ${parties} where id = ${installations.gasSupplierId})`,
      })
      .from(installations)
      .where(
        and(
          installationsVisibleTo(viewer),
          or(inArray(installations.mpan, [...numbers]), inArray(installations.mprn, [...numbers])),
        ),
      )
      .orderBy(asc(installations.id));
    const seen = new Set(rows.flatMap((r) => [r.mpan, r.mprn]));
    return {
      found: rows.map((r) => ({
        id: r.id,
        mpan: r.mpan,
        mprn: r.mprn,
        suppliers: [...new Set([r.electricity, r.gas].filter((s): s is string => !!s))],
      })),
      unmatched: numbers.filter((n) => !seen.has(n)),
    };
  });
}

export interface RaiseInput {
  scenario: string;
  groupId: GroupId | null;
  ownerPartyId: number;
  raisedByPartyId: number;
  category: IncidentCategory;
  title: string;
  description: string;
  /** Pasted MPANs/MPRNs. */
  meterNumbers: string[];
  /** The installations list's filter ("raise an incident for these N installations"). */
  fromFilter: InstallationFilter | null;
  requestKey: string;
}

async function partyWithRole(db: Awaited<ReturnType<typeof getDb>>, id: number, roles: readonly string[]) {
  const [party] = await db.select().from(parties).where(eq(parties.id, id));
  return party && roles.includes(party.role) ? party : null;
}

/**
 * Raises the record a MEHRS scenario calls for (an Incident, an SMSO/CSP communication or a Service Request), links
 * its affected installations and makes their Responsible Suppliers its Interested Parties, in one transaction.
 * A scenario MEHRS handles by reason codes alone is refused. The same form key raises it once.
 */
export async function raiseIncident(
  viewer: Viewer,
  input: RaiseInput,
  now = new Date(),
): Promise<{ id: number }> {
  if (!can(viewer, 'incidents.work')) throw new NotFoundError();
  const outcome = raiseOutcome(input.scenario, input.groupId);
  if (!outcome) throw new DomainError('invalid', 'Choose a MEHRS scenario.');
  if (outcome.kind === null) throw new DomainError('invalid', outcome.explanation);
  const db = await getDb();
  const [already] = await db
    .select({ id: incidentEvents.incidentId })
    .from(incidentEvents)
    .where(eq(incidentEvents.requestKey, input.requestKey));
  if (already) return { id: already.id };

  const owner = await partyWithRole(db, input.ownerPartyId, outcome.owners);
  if (!owner) throw new DomainError('invalid', 'Choose the owning party MEHRS names for this scenario.');
  const raiserRoles = outcome.raisedBy.length > 0 ? outcome.raisedBy : outcome.owners;
  const raiser = await partyWithRole(db, input.raisedByPartyId, [...raiserRoles, 'mcc']);
  if (!raiser) throw new DomainError('invalid', 'Choose the party that raised it.');

  const found = await findInstallationsByMeter(viewer, input.meterNumbers);
  if (found.unmatched.length > 0)
    throw new DomainError(
      'invalid',
      `No installation has MPAN or MPRN ${found.unmatched.slice(0, 5).join(', ')}.`,
    );
  const filterClauses: SQL[] | null = input.fromFilter ? installationClauses(viewer, input.fromFilter) : null;
  if (filterClauses) {
    const [n] = await db
      .select({ n: count() })
      .from(
        sql`(select 1 from ${installations} where ${and(...filterClauses)} limit ${RAISE_FILTER_LIMIT + 1}) as capped`,
      );
    if ((n?.n ?? 0) > RAISE_FILTER_LIMIT)
      throw new DomainError(
        'invalid',
        `The filter matches more than ${RAISE_FILTER_LIMIT} installations: narrow it first.`,
      );
  }

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(incidents)
      .values({
        reference: `NEW-${input.requestKey.slice(0, 12)}`,
        kind: outcome.kind,
        scenario: outcome.scenario.section,
        title:
          input.title.trim() || outcome.scenario.title + (input.groupId ? ` (GroupID ${input.groupId})` : ''),
        description: input.description.trim(),
        raisedByPartyId: raiser.id,
        ownerPartyId: owner.id,
        groupId: input.groupId,
        category: input.category,
        status: 'open',
        raisedAt: now,
      })
      .returning({ id: incidents.id });
    if (!created) throw new Error('incident not created');
    const id = created.id;
    await tx
      .update(incidents)
      .set({ reference: `${REFERENCE_PREFIX[outcome.kind]}-${String(id).padStart(6, '0')}` })
      .where(eq(incidents.id, id));
    if (found.found.length > 0)
      await tx
        .insert(incidentInstallations)
        .values(found.found.map((f) => ({ incidentId: id, installationId: f.id })))
        .onConflictDoNothing();
    if (filterClauses)
      await tx.execute(sql`insert into ${incidentInstallations} (incident_id, installation_id)
        select ${id}::int, ${installations.id} from ${installations} where ${and(...filterClauses)}
        limit ${RAISE_FILTER_LIMIT} on conflict do nothing`);
    await linkInterestedParties(tx, id, raiser.role === 'supplier' ? raiser.id : null);
    await tx.insert(incidentEvents).values({
      incidentId: id,
      at: now,
      action: 'raised',
      status: 'open',
      category: input.category,
      byUserId: viewer.userId,
      note: `Raised by ${raiser.name}; owner ${owner.name}`,
      version: 1,
      requestKey: input.requestKey,
    });
    return { id };
  });
}

/**
 * Interested Parties (MEHRS 2: notified through the Self-Service Interface) are the Responsible Suppliers of the
 * affected installations, and a supplier that raised it. With no installation-level effect (SharePoint, an SMSO
 * that cannot migrate any installation), every supplier is affected.
 */
async function linkInterestedParties(
  tx: Parameters<Parameters<Awaited<ReturnType<typeof getDb>>['transaction']>[0]>[0],
  id: number,
  raiserSupplierId: number | null,
) {
  const ii = incidentInstallations;
  await tx.execute(sql`insert into ${incidentInterestedParties} (incident_id, party_id)
    select distinct ${id}::int, s.party_id from (
      select ${installations.electricitySupplierId} as party_id from ${ii}
        join ${installations} on ${installations.id} = ${ii.installationId} where ${ii.incidentId} = ${id}
      union
      select ${installations.gasSupplierId} from ${ii}
        join ${installations} on ${installations.id} = ${ii.installationId} where ${ii.incidentId} = ${id}
    ) s where s.party_id is not null on conflict do nothing`);
  if (raiserSupplierId !== null)
    await tx
      .insert(incidentInterestedParties)
      .values({ incidentId: id, partyId: raiserSupplierId })
      .onConflictDoNothing();
  const [linked] = await tx.select({ n: count() }).from(ii).where(eq(ii.incidentId, id));
  if ((linked?.n ?? 0) === 0)
    await tx.execute(sql`insert into ${incidentInterestedParties} (incident_id, party_id)
      select ${id}::int, ${parties.id} from ${parties} where ${parties.role} = 'supplier' on conflict do nothing`);
}
