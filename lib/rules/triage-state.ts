/**
 * What an installation page says about dormant triage (MEHRS section 4): the MCC's decision about the
 * installation's *latest* failure, or that the failure awaits triage. An older decision is about an older
 * failure and is never shown as the current state.
 */
import type { TriageDecision } from './triage';
import type { InstallationStatus, InstallationType } from './types';

export interface TriageDecisionFact {
  readonly decidedAt: string;
  readonly decision: TriageDecision;
  readonly rescheduledWeek: string | null;
  /** Null where the reader may not see the MCC's reason (a supplier, unless it was marked supplier-visible). */
  readonly reason: string | null;
}

export type TriageState =
  | { readonly kind: 'not-applicable' }
  | { readonly kind: 'not-needed' }
  | { readonly kind: 'awaiting'; readonly earlier: TriageDecisionFact | null }
  | { readonly kind: 'decided'; readonly decision: TriageDecisionFact };

export function triageStateFor(input: {
  readonly type: InstallationType;
  readonly status: InstallationStatus;
  /** When the latest failure happened (ISO), or null when the installation never failed. */
  readonly latestFailureAt: string | null;
  readonly decisions: readonly TriageDecisionFact[];
}): TriageState {
  // MEHRS section 4 is Dormant Meter error handling: an Active-only installation is never triaged.
  if (input.type === 'active-only') return { kind: 'not-applicable' };
  if (input.latestFailureAt === null) return { kind: 'not-needed' };
  const failedAt = Date.parse(input.latestFailureAt);
  const latest = [...input.decisions]
    .sort((a, b) => Date.parse(a.decidedAt) - Date.parse(b.decidedAt))
    .at(-1);
  if (latest && Date.parse(latest.decidedAt) >= failedAt) return { kind: 'decided', decision: latest };
  const stillFailed = input.status === 'failed' || input.status === 'rolled-back';
  if (!stillFailed) return { kind: 'not-needed' };
  return { kind: 'awaiting', earlier: latest ?? null };
}
