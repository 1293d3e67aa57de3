/**
 * How long a sign-in lasts (README "Security", docs/decisions/0013-sessions-and-access-audit.md). A session
 * ends after `idleMinutes` without a request, and in any case `absoluteHours` after sign-in, however active:
 * better-auth slides the idle window (expiresIn/updateAge); the absolute cap is checked where the viewer is
 * resolved (lib/auth/viewer.ts).
 */
export const SESSION_POLICY = {
  /** Inactivity: an unattended screen signs out within this. */
  idleMinutes: 60,
  /** How often a request pushes the idle deadline on (better-auth's updateAge): a write at most this often. */
  refreshMinutes: 5,
  /** A working day plus slack: analysts sign in once a day. */
  absoluteHours: 12,
} as const;

/** True when a session signed in at `createdAt` has outlived the absolute cap at `now`. */
export function pastAbsoluteLimit(createdAt: Date, now: Date, policy = SESSION_POLICY): boolean {
  return now.getTime() - createdAt.getTime() >= policy.absoluteHours * 60 * 60 * 1000;
}
