import { describe, expect, it } from 'vitest';
import { isThrottled, LOGIN_THROTTLE } from '@/lib/auth/throttle';
import { toViewer } from '@/lib/auth/viewer';

describe('Viewer from a session user', () => {
  it.each([
    [
      { id: 'a', name: 'A', email: 'a@x', role: 'analyst', partyId: null },
      { role: 'analyst', supplierId: null },
    ],
    [
      { id: 'd', name: 'D', email: 'd@x', role: 'admin' },
      { role: 'admin', supplierId: null },
    ],
    [
      { id: 's', name: 'S', email: 's@x', role: 'supplier', partyId: 7 },
      { role: 'supplier', supplierId: 7 },
    ],
  ])('maps %o', (user, expected) => {
    expect(toViewer(user)).toMatchObject(expected);
  });

  it.each([
    [
      'a supplier user bound to no supplier',
      { id: 's', name: 'S', email: 's@x', role: 'supplier', partyId: null },
    ],
    ['an unknown role', { id: 'x', name: 'X', email: 'x@x', role: 'superuser' }],
    ['no user', null],
  ])('refuses %s', (_label, user) => {
    expect(toViewer(user)).toBeNull();
  });
});

describe('Sign-in throttle policy', () => {
  it('throttles at the per-email or the per-address limit', () => {
    expect(isThrottled({ byEmail: LOGIN_THROTTLE.maxFailuresPerEmail - 1, byAddress: 0 })).toBe(false);
    expect(isThrottled({ byEmail: LOGIN_THROTTLE.maxFailuresPerEmail, byAddress: 0 })).toBe(true);
    expect(isThrottled({ byEmail: 0, byAddress: LOGIN_THROTTLE.maxFailuresPerAddress })).toBe(true);
  });
});
