/**
 * Sign-in throttling policy (OWASP authentication cheat sheet): failures are counted per account name and per
 * client address over a sliding window. The same message is shown whether or not the account exists.
 */
export const LOGIN_THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerEmail: 5,
  maxFailuresPerAddress: 30,
} as const;

export function isThrottled(
  failures: { byEmail: number; byAddress: number },
  policy: typeof LOGIN_THROTTLE = LOGIN_THROTTLE,
): boolean {
  return failures.byEmail >= policy.maxFailuresPerEmail || failures.byAddress >= policy.maxFailuresPerAddress;
}
