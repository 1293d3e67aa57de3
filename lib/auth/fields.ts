import { z } from 'zod';

/**
 * The account fields, written once: the admin form and the first-administrator CLI validate with the same rules
 * and say the same thing when a value is refused.
 */
export const MIN_PASSWORD_LENGTH = 12;

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter an email address, like name@example.com.' }));

export const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(256, { error: 'Use at most 256 characters.' });

export const personNameField = z.string().trim().min(1, { error: 'Enter the person’s name.' }).max(120);
