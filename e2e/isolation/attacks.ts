import crypto from 'node:crypto';
import type { ActionFields } from './client';
import { SUPPLIER_B, type Victim } from './tenants';

/**
 * What supplier A tries against every entry of the product's surface (e2e/isolation/surface.ts), keyed by
 * `surfaceKey`. A new page, handler or action has no entry here until someone decides how it is attacked: the
 * matrix fails until then.
 */

export interface Attempt {
  /** What is tried, for the failure message. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  /** A server action: its name (`<module>#<export>`) and the form's fields. */
  action?: { name: string; fields: ActionFields };
  /** A request body (route handlers). */
  body?: string;
  /** The attempt ends the session it runs in (sign-out): it gets a session of its own. */
  consumesSession?: boolean;
  /** B's id in `path`: its answer must be indistinguishable from the one for a missing id. */
  victimId?: number;
  /**
   * A page is read as a document only, not also as its RSC payload: the document carries the same payload inline
   * (`self.__next_f`), so the second render would find nothing new. Set for the forged parameters, which are many.
   */
  documentOnly?: boolean;
}

/** An id no object has (the largest a PostgreSQL integer holds): its 404 is what B's id must look like. */
export const MISSING_ID = 2_147_483_647;

const get = (path: string, label = path): Attempt => ({ label, method: 'GET', path });

function withQuery(path: string, query: Record<string, string | number>): string {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return `${path}?${search}`;
}

/**
 * Parameters a list, a filter or a report could be talked into by: B's supplier id, B's meters as the search, B's
 * cursors replayed, B's installation as a filter, B's import as an imports-list cursor, B's filter as an incident's
 * origin. Every listing route gets every one: a parameter a route ignores today is tried anyway.
 */
function forgedQueries(b: Victim): Record<string, string | number>[] {
  return [
    { supplier: b.supplierId, status: 'failed', week: '2026-12-07', smso: b.supplierId },
    { q: b.mpans[0] ?? '' },
    { q: b.mprns[0] ?? '' },
    { cursor: b.cursors.installations },
    { cursor: b.cursors.incidents },
    {
      cursor: b.cursors.splitSupply,
      calendar: b.cursors.splitSupply,
      installation: b.installationIds[0] ?? 1,
    },
    { before: '2999-01-01T00:00:00.000Z', id: (b.importIds[0] ?? 0) + 1 },
    { from: `supplier=${b.supplierId}&q=${b.mpans[0]}` },
  ];
}

const listing =
  (path: string) =>
  (b: Victim): Attempt[] => [
    get(path),
    ...forgedQueries(b).map((query) => ({ ...get(withQuery(path, query)), documentOnly: true })),
  ];

const byId =
  (pattern: string, ids: (b: Victim) => number[]) =>
  (b: Victim): Attempt[] =>
    ids(b).map((id) => ({ ...get(pattern.replace('[id]', String(id))), victimId: id }));

/** The fields every incident change carries (app/(dashboard)/incidents/[id]/actions.ts), aimed at B's incident. */
function incidentChange(b: Victim, name: string, fields: ActionFields): Attempt[] {
  return b.incidentIds.map((id) => ({
    label: `${name} on B's incident ${id}`,
    method: 'POST',
    path: `/incidents/${id}`,
    action: {
      name: `app/(dashboard)/incidents/[id]/actions.ts#${name}`,
      fields: { id: String(id), version: '1', requestKey: crypto.randomUUID(), ...fields },
    },
  }));
}

function action(path: string, name: string, fields: ActionFields, label = name): Attempt {
  return { label, method: 'POST', path, action: { name, fields } };
}

const NEXT_MONDAY_WEEK = '2027-01-04';

export const ATTACKS: Record<string, (b: Victim) => Attempt[]> = {
  // ── Pages ──
  'page /': listing('/'),
  'page /login': (b) => [
    get('/login'),
    get(withQuery('/login', { next: `/installations/${b.installationIds[0]}` })),
  ],
  // The shell's "not found" for any unknown path: B's ids in the path must answer as any other unknown path.
  'page /[...missing]': (b) => [
    ...listing('/no-such-page')(b),
    ...listing(`/no-such-page/${b.installationIds[0] ?? 1}`)(b),
  ],
  'page /admin/users': listing('/admin/users'),
  'page /demand': listing('/demand'),
  'page /imports': listing('/imports'),
  'page /imports/[id]': byId('/imports/[id]', (b) => b.importIds),
  'page /incidents': listing('/incidents'),
  'page /incidents/[id]': byId('/incidents/[id]', (b) => b.incidentIds),
  'page /incidents/new': (b) => [
    ...listing('/incidents/new')(b),
    get(
      withQuery('/incidents/new', {
        from: `supplier=${b.supplierId}`,
        meters: b.mpans.slice(0, 3).join('\n'),
      }),
    ),
  ],
  'page /installations': listing('/installations'),
  'page /installations/[id]': byId('/installations/[id]', (b) => b.installationIds),
  'page /reports': listing('/reports'),
  'page /split-supply': listing('/split-supply'),
  'page /triage': listing('/triage'),
  'page /triage/[id]': byId('/triage/[id]', (b) => b.triageIds),

  // ── Route handlers ──
  // Every export the reports page links, and the split-supply calendar's (linked from its own page).
  'GET /api/exports/[name]': (b) =>
    [...new Set([...b.exportNames, 'split-supply'])].flatMap((name) => [
      get(withQuery(`/api/exports/${name}`, { supplier: b.supplierId })),
      get(withQuery(`/api/exports/${name}`, { supplier: b.supplierId, bom: 0, week: '2026-11-16' })),
    ]),
  'GET /api/imports/sample': (b) => [
    get(withQuery('/api/imports/sample', { kind: 'authorisations', supplier: b.supplierId })),
    get(withQuery('/api/imports/sample', { kind: 'demand' })),
  ],
  'POST /api/imports': (b) => [
    {
      label: "A submits B's Migration Authorisations as its own",
      method: 'POST',
      path: withQuery('/api/imports', { kind: 'authorisations', filename: 'from-a.csv' }),
      body: b.sampleFile,
    },
    {
      label: "A submits B's file as demand for B",
      method: 'POST',
      path: withQuery('/api/imports', { kind: 'demand', filename: 'from-a.csv', supplier: b.supplierId }),
      body: b.sampleFile,
    },
  ],
  'GET /api/incidents': listing('/api/incidents'),
  'GET /api/incidents/[id]': byId('/api/incidents/[id]', (b) => b.incidentIds),
  'GET /api/installations': listing('/api/installations'),
  'GET /api/overview': listing('/api/overview'),

  // ── Server actions ──
  'action app/(auth)/login/actions.ts#signIn': () => [
    action('/login', 'app/(auth)/login/actions.ts#signIn', {
      email: SUPPLIER_B.email,
      password: 'not-the-password',
    }),
  ],
  'action app/(dashboard)/actions.ts#signOut': (b) => [
    {
      ...action(`/installations/${b.installationIds[0]}`, 'app/(dashboard)/actions.ts#signOut', {}),
      consumesSession: true,
    },
  ],
  'action app/(dashboard)/admin/users/actions.ts#createUserAction': (b) => [
    action('/admin/users', 'app/(dashboard)/admin/users/actions.ts#createUserAction', {
      name: 'Planted user',
      email: 'planted@northvale.example',
      role: 'supplier',
      supplierId: String(b.supplierId),
      password: 'planted-password-123',
    }),
  ],
  'action app/(dashboard)/admin/users/actions.ts#setUserDisabledAction': () => [
    action('/admin/users', 'app/(dashboard)/admin/users/actions.ts#setUserDisabledAction', {
      userId: `user-${SUPPLIER_B.email.split('@')[0]}`,
      disabled: 'true',
    }),
  ],
  'action app/(dashboard)/admin/users/actions.ts#deleteUserAction': () => [
    action('/admin/users', 'app/(dashboard)/admin/users/actions.ts#deleteUserAction', {
      userId: `user-${SUPPLIER_B.email.split('@')[0]}`,
    }),
  ],
  'action app/(dashboard)/incidents/[id]/actions.ts#assignAction': (b) =>
    incidentChange(b, 'assignAction', { assigneeUserId: `user-${SUPPLIER_B.email.split('@')[0]}` }),
  'action app/(dashboard)/incidents/[id]/actions.ts#categoryAction': (b) =>
    incidentChange(b, 'categoryAction', { category: '1', reason: 'forged' }),
  'action app/(dashboard)/incidents/[id]/actions.ts#changeStatusAction': (b) =>
    incidentChange(b, 'changeStatusAction', { status: 'closed', reason: 'forged' }),
  'action app/(dashboard)/incidents/[id]/actions.ts#noteAction': (b) =>
    incidentChange(b, 'noteAction', { body: 'planted note', visibility: 'supplier' }),
  'action app/(dashboard)/incidents/actions.ts#findInstallationsAction': (b) => [
    action('/incidents/new', 'app/(dashboard)/incidents/actions.ts#findInstallationsAction', {
      meters: [...b.mpans.slice(0, 5), ...b.mprns.slice(0, 5)].join('\n'),
    }),
  ],
  'action app/(dashboard)/incidents/actions.ts#raiseIncidentAction': (b) => [
    action('/incidents/new', 'app/(dashboard)/incidents/actions.ts#raiseIncidentAction', {
      scenario: '2.7.3',
      ownerPartyId: String(b.supplierId),
      raisedByPartyId: String(b.supplierId),
      category: '2',
      title: 'Planted incident',
      meters: b.mpans.slice(0, 5).join('\n'),
      from: `supplier=${b.supplierId}`,
      requestKey: crypto.randomUUID(),
    }),
  ],
  'action app/(dashboard)/split-supply/actions.ts#designateWeekAction': (b) => [
    action('/split-supply', 'app/(dashboard)/split-supply/actions.ts#designateWeekAction', {
      target: 'installation',
      installation: String(b.installationIds[0]),
      week: NEXT_MONDAY_WEEK,
    }),
    action('/split-supply', 'app/(dashboard)/split-supply/actions.ts#designateWeekAction', {
      target: 'filter',
      week: NEXT_MONDAY_WEEK,
    }),
  ],
  'action app/(dashboard)/split-supply/actions.ts#publishCalendarAction': () => [
    action('/split-supply', 'app/(dashboard)/split-supply/actions.ts#publishCalendarAction', {}),
  ],
  'action app/(dashboard)/triage/actions.ts#decideTriageAction': (b) => [
    action(`/triage/${b.triageIds[0]}`, 'app/(dashboard)/triage/actions.ts#decideTriageAction', {
      submissionId: crypto.randomUUID(),
      scope: 'selected',
      ids: b.triageIds.join(','),
      state: 'undecided',
      filter: '{}',
      decision: 'exclude',
      note: 'Planted exclusion',
    }),
    action('/triage', 'app/(dashboard)/triage/actions.ts#decideTriageAction', {
      submissionId: crypto.randomUUID(),
      scope: 'filter',
      ids: '',
      state: 'undecided',
      filter: '{}',
      decision: 'reschedule',
      week: NEXT_MONDAY_WEEK,
    }),
  ],
};
