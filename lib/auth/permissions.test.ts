import { describe, expect, it } from 'vitest';
import { AREAS, areasFor, can, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions';

// The whole role → permission table, spelled out: any change to who may do what is a visible diff here.
const EXPECTED: Record<(typeof ROLES)[number], string[]> = {
  analyst: [
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
  ],
  supplier: [
    'installations.view',
    'incidents.view',
    'demand.view',
    'splitSupply.view',
    'reports.view',
    'imports.view',
    'imports.uploadOwnAuthorisations',
  ],
  admin: [
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
    'users.manage',
  ],
};

describe('permissions', () => {
  it.each(ROLES)('role %s holds exactly its listed permissions', (role) => {
    expect([...ROLE_PERMISSIONS[role]]).toEqual(EXPECTED[role]);
    for (const permission of PERMISSIONS) {
      expect(can({ role }, permission)).toBe(EXPECTED[role].includes(permission));
    }
  });

  it('a supplier never sees every supplier, works incidents, decides triage or plans split supply', () => {
    const supplier = { role: 'supplier' as const };
    for (const p of ['migration.viewAll', 'incidents.work', 'triage.decide', 'splitSupply.plan'] as const) {
      expect(can(supplier, p)).toBe(false);
    }
  });

  it('the nav shows an area exactly when the viewer holds its permission', () => {
    expect(areasFor({ role: 'supplier' }).map((a) => a.href)).not.toContain('/triage');
    expect(areasFor({ role: 'analyst' }).map((a) => a.href)).not.toContain('/admin/users');
    expect(areasFor({ role: 'admin' })).toHaveLength(AREAS.length);
  });
});
