/**
 * Sign-in throttling policy (OWASP authentication cheat sheet). Failures count over a sliding window, keyed so
 * that a third party cannot lock a user out:
 * - per account *and* address: the tight limit, so guessing one account's password from one place stops fast,
 *   while the same account still signs in from its own address;
 * - per address: an address spraying many accounts stops;
 * - per account over every address: a much higher ceiling against distributed guessing.
 * The same message is shown whether or not the account exists.
 */
export const LOGIN_THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccountAndAddress: 5,
  maxFailuresPerAddress: 30,
  maxFailuresPerAccount: 100,
} as const;

export interface RecentFailures {
  byAccountAndAddress: number;
  byAddress: number;
  byAccount: number;
}

export function isThrottled(
  failures: RecentFailures,
  policy: typeof LOGIN_THROTTLE = LOGIN_THROTTLE,
): boolean {
  return (
    failures.byAccountAndAddress >= policy.maxFailuresPerAccountAndAddress ||
    failures.byAddress >= policy.maxFailuresPerAddress ||
    failures.byAccount >= policy.maxFailuresPerAccount
  );
}
