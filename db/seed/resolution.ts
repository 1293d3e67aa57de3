/**
 * Which MEHRS scenario each generated failure falls under, and whether it raises an Incident: decided by the rules'
 * resolver (lib/rules/resolve.ts), never by the generator, and cached because the same facts recur millions of times.
 */
import { type FailureResolution, resolveFailure } from '@/lib/rules/resolve';
import { scenario as scenarioOf } from '@/lib/rules/scenarios';
import type { StageId } from '@/lib/rules/types';
import type { CodeProfile } from './catalogue';

/** The facts of one failure that the resolver reads, beside the installation's profile. */
export interface FailureFacts {
  readonly code: string;
  readonly failedStep: string | null;
  readonly stage: StageId;
  readonly submittedBy: 'supplier' | 'dcc';
}

/**
 * MA101 "Authorisation Expired" follows from an outage that held the installation until its MA lapsed (MEHRS 2.4.1,
 * 2.5.1: "not processed whilst the MA remains valid"). Without a planned incident open at the time, the outage is
 * the Requesting Party's: it could not generate the Migration Common File, or trigger the migration.
 */
const EXPIRY_CAUSE: Partial<Record<StageId, string>> = { 'common-file': '2.4.1', 'sim-cutover': '2.5.1' };

const cache = new Map<string, FailureResolution>();

export function resolveGeneratedFailure(
  f: FailureFacts,
  p: CodeProfile,
  openOutage: string | null,
): FailureResolution {
  const linked = f.code === 'MA101' ? (openOutage ?? EXPIRY_CAUSE[f.stage] ?? null) : null;
  const key = `${linked ?? ''}|${f.code}|${f.failedStep ?? ''}|${f.stage}|${f.submittedBy}|${p.groupId}|${p.type}|${+p.hasElectricity}${+p.hasGas}${+p.split}${+p.commissionedByCp}`;
  let found = cache.get(key);
  if (!found) {
    found = resolveFailure(
      {
        code: f.code,
        failedStepNumber: f.failedStep,
        stage: f.stage,
        submittedBy: f.submittedBy,
        linkedIncidentScenario: linked,
      },
      {
        groupId: p.groupId,
        installationType: p.type,
        electricity: p.hasElectricity ? (p.electricityActive ? 'active' : 'dormant') : null,
        gas: p.hasGas ? (p.gasActive ? 'active' : 'dormant') : null,
        splitSupply: p.split,
        toBeCommissionedByDcc: p.commissionedByCp,
      },
    );
    cache.set(key, found);
  }
  return found;
}

/** The MEHRS section 2 scenario to store on the event, or null where the resolver names none (A.1, MAM, …). */
export function storedSection(resolution: FailureResolution): string | null {
  return scenarioOf(resolution.section) ? resolution.section : null;
}
