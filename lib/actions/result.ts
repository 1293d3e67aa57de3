/** What every server action returns: one discriminated result, so forms handle errors one way. */
export type ActionResult<T = void> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'throttled' | 'unauthenticated';
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** What the user submitted (never secrets), so a refused form comes back filled in. */
      values?: Record<string, string>;
    };

export function fail(
  code: Exclude<ActionResult, { ok: true }>['code'],
  message: string,
  extra: { fieldErrors?: Record<string, string[]>; values?: Record<string, string> } = {},
): ActionResult<never> {
  return { ok: false, code, message, ...extra };
}

/** The text fields of a form, minus anything secret: never echo a password back to the page. */
export function submittedValues(form: FormData): Record<string, string> {
  return Object.fromEntries(
    [...form.entries()].filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && !/password|secret|token/i.test(entry[0]),
    ),
  );
}
