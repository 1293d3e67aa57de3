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
  const none = { byAccountAndAddress: 0, byAddress: 0, byAccount: 0 };
  it.each([
    [
      'under every limit',
      { ...none, byAccountAndAddress: LOGIN_THROTTLE.maxFailuresPerAccountAndAddress - 1 },
      false,
    ],
    [
      'the account from this address',
      { ...none, byAccountAndAddress: LOGIN_THROTTLE.maxFailuresPerAccountAndAddress },
      true,
    ],
    ['this address over any accounts', { ...none, byAddress: LOGIN_THROTTLE.maxFailuresPerAddress }, true],
    ['the account from everywhere', { ...none, byAccount: LOGIN_THROTTLE.maxFailuresPerAccount }, true],
  ])('throttles at %s', (_, failures, throttled) => {
    expect(isThrottled(failures)).toBe(throttled);
  });
});
