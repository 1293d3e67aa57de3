import { describe, expect, it } from 'vitest';
import { emailField, MAX_EMAIL_LENGTH } from './fields';

describe('the sign-in and account email is capped at 254 characters (RFC 5321)', () => {
  const address = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;

  it('accepts an address of exactly the limit, lower-cased', () => {
    expect(emailField.parse(address(MAX_EMAIL_LENGTH).toUpperCase())).toBe(address(MAX_EMAIL_LENGTH));
  });

  it.each([MAX_EMAIL_LENGTH + 1, 100_000])(
    'refuses %i characters before anything stores or compares it',
    (n) => {
      const result = emailField.safeParse(address(n));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/at most 254 characters/);
    },
  );
});
