import { describe, expect, it } from 'vitest';
import { safeRedirectTarget, signInPathFor } from './redirect';

describe('the page a reader returns to after sign-in stays on this site', () => {
  it.each([
    ['/installations/123', '/installations/123'],
    ['/installations?status=failed&groupId=CB', '/installations?status=failed&groupId=CB'],
    ['/incidents/4#history', '/incidents/4#history'],
  ])('keeps the same-site path %s', (next, expected) => {
    expect(safeRedirectTarget(next)).toBe(expected);
  });

  it.each([
    ['a protocol-relative URL', '//evil.example/x'],
    ['a backslash after the slash', '/\\evil.example/x'],
    ['a tab after the slash', '/\t/evil.example/x'],
    ['a newline (header injection)', '/x\nSet-Cookie: a=b'],
    ['an absolute URL', 'https://evil.example/x'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['nothing', undefined],
    ['an empty string', ''],
  ])('refuses %s and goes to the overview', (_, next) => {
    expect(safeRedirectTarget(next)).toBe('/');
  });
});

describe('a signed-out reader is sent to sign in with the page they asked for', () => {
  it('returns to a deep link, its query kept', () => {
    expect(signInPathFor('/installations/123?tab=events')).toBe(
      `/login?next=${encodeURIComponent('/installations/123?tab=events')}`,
    );
  });

  it.each([
    ['the overview', '/'],
    ['no path (a request the proxy did not see)', null],
    ['another site', '//evil.example/x'],
  ])('sends %s to plain sign-in', (_, path) => {
    expect(signInPathFor(path)).toBe('/login');
  });
});
