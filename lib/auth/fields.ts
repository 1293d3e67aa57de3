import { z } from 'zod';

/**
 * The account fields, written once: the admin form and the first-administrator CLI validate with the same rules
 * and say the same thing when a value is refused.
 */
export const MIN_PASSWORD_LENGTH = 12;

/** RFC 5321 caps an address at 254 characters: nothing longer is stored or compared. */
export const MAX_EMAIL_LENGTH = 254;

export const emailField = z
  .string()
  .trim()
  .max(MAX_EMAIL_LENGTH, { error: `Use an email address of at most ${MAX_EMAIL_LENGTH} characters.` })
  .toLowerCase()
  .pipe(z.email({ error: 'Enter an email address, like name@example.com.' }));

export const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(256, { error: 'Use at most 256 characters.' });

export const personNameField = z.string().trim().min(1, { error: 'Enter the person’s name.' }).max(120);
