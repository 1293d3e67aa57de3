import { ANALYST } from '../fixtures';
import { Session } from './client';

/**
 * The two tenants of the matrix and what only the victim may see. B's data is collected positively, through B's
 * own session and the analyst's, so "no leak" means "none of these strings appears", not "the page looked fine".
 */

/** The attacker: the largest supplier, so its own data is everywhere a leak could hide among. */
export const SUPPLIER_A = { email: 'brightwater@supplier.demo', name: 'Brightwater Energy' };
/** The victim: the next largest supplier. */
export const SUPPLIER_B = { email: 'northvale@supplier.demo', name: 'Northvale Power' };

/** How many of B's objects of each kind the matrix attacks by id. */
const IDS_PER_KIND = 3;
/** How many of B's MPANs/MPRNs the leak detector looks for. */
const MARKER_METERS = 400;

interface InstallationRow {
  id: number;
  mpan: string | null;
  mprn: string | null;
  electricitySupplier: string | null;
  gasSupplier: string | null;
  status: string;
  type: string;
}

interface IncidentRow {
  id: number;
  reference: string;
}

interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

export interface Victim {
  supplierId: number;
  attackerSupplierId: number;
  /** Installations only B supplies (A is not the other supplier of a split supply). */
  installationIds: number[];
  /** B's failed dormant installations: the ones dormant triage is about. */
  triageIds: number[];
  incidentIds: number[];
  importIds: number[];
  mpans: string[];
  mprns: string[];
  /** Cursors taken from B's own lists, replayed by A. */
  cursors: { installations: string; incidents: string; splitSupply: string };
  exportNames: string[];
  /** B's own Migration Authorisations file (CSV): A replays it as an upload. */
  sampleFile: string;
  /** Strings that appear only in B's data: any of them in A's answer is a leak. */
  markers: string[];
}

export interface Tenants {
  baseURL: string;
  attacker: Session;
  victim: Session;
  analyst: Session;
  anonymous: Session;
  b: Victim;
}

async function allPages<T>(session: Session, path: string, limit: number): Promise<Page<T>> {
  const rows: T[] = [];
  let cursor: string | null = null;
  let first: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path;
    const body = await session.json<{ page?: Page<T> } & Partial<Page<T>>>(url);
    const page: Page<T> = body.page ?? { rows: body.rows ?? [], nextCursor: body.nextCursor ?? null };
    rows.push(...page.rows);
    first ??= page.nextCursor;
    cursor = page.nextCursor;
  } while (cursor && rows.length < limit);
  return { rows, nextCursor: first };
}

/** Supplier ids by name, from the analyst's supplier choice on the reports page. */
async function supplierIds(analyst: Session): Promise<Map<string, number>> {
  const html = await analyst.text('/reports');
  const ids = new Map<string, number>();
  for (const [, id, name] of html.matchAll(/<option value="(\d+)"[^>]*>([^<]+)</g)) {
    ids.set((name ?? '').replaceAll('&amp;', '&'), Number(id));
  }
  return ids;
}

function idOf(ids: Map<string, number>, name: string): number {
  const id = ids.get(name);
  if (!id) throw new Error(`The analyst's supplier list has no ${name}.`);
  return id;
}

/** B submits a file of its own, so the matrix has one of B's imports to attack (the seed has none). */
async function victimImport(
  victim: Session,
  baseURL: string,
): Promise<{ id: number; sample: string; markers: string[] }> {
  const sample = await victim.text('/api/imports/sample?kind=authorisations');
  const filename = `northvale-private-${Date.now()}.csv`;
  const answer = await victim.request(`/api/imports?kind=authorisations&filename=${filename}`, {
    method: 'POST',
    headers: { Origin: baseURL, 'Content-Type': 'text/csv' },
    body: sample,
  });
  if (answer.status !== 200) throw new Error(`B's import failed: ${answer.status} ${answer.body}`);
  const { id } = JSON.parse(answer.body) as { id: number };
  // The file's SHA-256, as B's import report shows it: unique to B's file.
  const sha256 = /\b[0-9a-f]{64}\b/.exec(await victim.text(`/imports/${id}`))?.[0];
  if (!sha256) throw new Error(`B's import report ${id} shows no SHA-256.`);
  return { id, sample, markers: [filename, sha256] };
}

export async function collectTenants(baseURL: string): Promise<Tenants> {
  const [attacker, victim, analyst] = await Promise.all([
    Session.signIn(baseURL, SUPPLIER_A.email),
    Session.signIn(baseURL, SUPPLIER_B.email),
    Session.signIn(baseURL, ANALYST),
  ]);
  const ids = await supplierIds(analyst);

  // Only B supplies these: on a split supply with A, A legitimately sees the installation.
  const onlyB = (row: InstallationRow) =>
    [row.electricitySupplier, row.gasSupplier].every((s) => s === null || s === SUPPLIER_B.name);
  const installations = await allPages<InstallationRow>(victim, '/api/installations', MARKER_METERS);
  const exclusive = installations.rows.filter(onlyB);
  const failedDormant = await allPages<InstallationRow>(
    victim,
    '/api/installations?status=failed&type=active-dormant',
    IDS_PER_KIND,
  );

  const [victimIncidents, attackerIncidents] = await Promise.all([
    allPages<IncidentRow>(victim, '/api/incidents?status=all', Number.POSITIVE_INFINITY),
    allPages<IncidentRow>(attacker, '/api/incidents?status=all', Number.POSITIVE_INFINITY),
  ]);
  const seenByA = new Set(attackerIncidents.rows.map((i) => i.id));
  const incidentsOnlyB = victimIncidents.rows.filter((i) => !seenByA.has(i.id));

  const splitSupply = await victim.text('/split-supply');
  const splitCursor = /[?&;]cursor=(\d+)/.exec(splitSupply)?.[1];

  const reports = await analyst.text('/reports');
  const exportNames = [...new Set([...reports.matchAll(/\/api\/exports\/([\w-]+)/g)].map((m) => m[1] ?? ''))];

  const imported = await victimImport(victim, baseURL);

  const b: Victim = {
    supplierId: idOf(ids, SUPPLIER_B.name),
    attackerSupplierId: idOf(ids, SUPPLIER_A.name),
    installationIds: exclusive.slice(0, IDS_PER_KIND).map((r) => r.id),
    triageIds: failedDormant.rows
      .filter(onlyB)
      .slice(0, IDS_PER_KIND)
      .map((r) => r.id),
    incidentIds: incidentsOnlyB.slice(0, IDS_PER_KIND).map((i) => i.id),
    importIds: [imported.id],
    mpans: exclusive.flatMap((r) => (r.mpan ? [r.mpan] : [])),
    mprns: exclusive.flatMap((r) => (r.mprn ? [r.mprn] : [])),
    cursors: {
      installations: installations.nextCursor ?? '',
      incidents: victimIncidents.nextCursor ?? '',
      splitSupply: splitCursor ?? String(exclusive[0]?.id ?? 1),
    },
    exportNames,
    sampleFile: imported.sample,
    markers: [],
  };
  b.markers = [
    SUPPLIER_B.name,
    ...b.mpans,
    ...b.mprns,
    ...incidentsOnlyB.map((i) => i.reference),
    ...imported.markers,
  ];
  for (const [kind, list] of Object.entries({
    installations: b.installationIds,
    triage: b.triageIds,
    incidents: b.incidentIds,
    cursors: [b.cursors.installations, b.cursors.incidents].filter(Boolean),
    exports: exportNames,
  })) {
    if (list.length === 0) throw new Error(`The matrix found none of B's ${kind} to attack: check the seed.`);
  }
  return { baseURL, attacker, victim, analyst, anonymous: Session.anonymous(baseURL), b };
}
