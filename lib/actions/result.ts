/** What every server action returns: one discriminated result, so forms handle errors one way. */
export type ActionResult<T = void> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'throttled' | 'unauthenticated';
      message: string;
      fieldErrors?: Record<string, string[]>;
    };

export function fail(
  code: Exclude<ActionResult, { ok: true }>['code'],
  message: string,
  fieldErrors?: Record<string, string[]>,
): ActionResult<never> {
  return { ok: false, code, message, fieldErrors };
}
