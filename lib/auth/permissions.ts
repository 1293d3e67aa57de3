import { ForbiddenError } from '@/lib/errors';

/**
 * The one permission vocabulary: nav, pages, route handlers, actions and the data layer all ask `can(viewer, …)`.
 * The role → permission table below is the only place roles are listed. Pure (no server-only import) so the
 * database enum and client components can read it.
 */

export const ROLES = ['analyst', 'supplier', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  analyst: 'MCC analyst',
  supplier: 'Supplier user',
  admin: 'Administrator',
};

export const PERMISSIONS = [
  /** Read installations, their timelines and the overview (scoped to the viewer's own in the data layer). */
  'installations.view',
  /** See every supplier's data, not only one's own: the Migration Control Centre's view. */
  'migration.viewAll',
  'incidents.view',
  /** Raise, assign, categorise and resolve incidents (MEHRS 2: the MCC manages every incident). */
  'incidents.work',
  'triage.view',
  /** Decide the reschedule of a failed dormant installation (MEHRS 4.1, 4.2). */
  'triage.decide',
  'demand.view',
  'splitSupply.view',
  /** Designate and publish split-supply Migration Weeks (MAM, MEHRS v5.0 conclusions). */
  'splitSupply.plan',
  /** The report catalogue and every CSV export, scoped like the pages. */
  'reports.view',
  'imports.view',
  /** Upload the viewer's own Migration Authorisations. */
  'imports.uploadOwnAuthorisations',
  /** Upload every file kind on behalf of any party. */
  'imports.uploadAny',
  'users.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const MCC_ANALYST: readonly Permission[] = [
  'installations.view',
  'migration.viewAll',
  'incidents.view',
  'incidents.work',
  'triage.view',
  'triage.decide',
  'demand.view',
  'splitSupply.view',
  'splitSupply.plan',
  'reports.view',
  'imports.view',
  'imports.uploadOwnAuthorisations',
  'imports.uploadAny',
];

/** Who may do what. An administrator is an analyst who also manages users. */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  analyst: new Set(MCC_ANALYST),
  admin: new Set([...MCC_ANALYST, 'users.manage']),
  supplier: new Set<Permission>([
    'installations.view',
    'incidents.view',
    'demand.view',
    'splitSupply.view',
    'reports.view',
    'imports.view',
    'imports.uploadOwnAuthorisations',
  ]),
};

export function can(viewer: { role: Role }, permission: Permission): boolean {
  return ROLE_PERMISSIONS[viewer.role].has(permission);
}

/** For the data layer, which re-checks what the action checked: throws ForbiddenError without the permission. */
export function assertCan(viewer: { role: Role }, permission: Permission, message?: string): void {
  if (!can(viewer, permission)) throw new ForbiddenError(message);
}

/** The product's areas, each shown in the nav to whoever holds its permission. */
export const AREAS: readonly { href: string; label: string; permission: Permission }[] = [
  { href: '/', label: 'Overview', permission: 'installations.view' },
  { href: '/installations', label: 'Installations', permission: 'installations.view' },
  { href: '/incidents', label: 'Incidents', permission: 'incidents.view' },
  { href: '/triage', label: 'Dormant triage', permission: 'triage.view' },
  { href: '/demand', label: 'Demand', permission: 'demand.view' },
  { href: '/split-supply', label: 'Split supply', permission: 'splitSupply.view' },
  { href: '/reports', label: 'Reports', permission: 'reports.view' },
  { href: '/imports', label: 'Imports', permission: 'imports.view' },
  { href: '/admin/users', label: 'Users', permission: 'users.manage' },
];

export function areasFor(viewer: { role: Role }) {
  return AREAS.filter((area) => can(viewer, area.permission));
}
