import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import {
  type FailureContext,
  type FailureEvent,
  type FailureResolution,
  type Fuel,
  type Reader,
  resolveFailure,
} from '@/lib/rules/resolve';
import type { GroupId, InstallationType, MeterState, StageId } from '@/lib/rules/types';
import { authorisingPartyFor, viewerParty } from './scope';

/** The installation facts the resolver reads (lib/rules/resolve.ts). */
export interface ResolvableInstallation {
  readonly groupId: GroupId;
  readonly installationType: InstallationType;
  readonly electricityState: MeterState | null;
  readonly gasState: MeterState | null;
  readonly electricitySupplierId: number | null;
  readonly gasSupplierId: number | null;
  readonly splitSupply: boolean;
  readonly toBeCommissionedByDcc: boolean;
}

/** Who reads the failure: the MCC (analysts, admins), or a supplier with the meters it supplies here. */
export function readerFor(
  viewer: Viewer,
  i: ResolvableInstallation,
  authoredFailingMa: boolean | null,
): Reader {
  const ownParty = viewerParty(viewer);
  if (ownParty === null) return { kind: 'mcc' };
  const fuels: Fuel[] = [];
  if (i.electricitySupplierId === ownParty) fuels.push('electricity');
  if (i.gasSupplierId === ownParty) fuels.push('gas');
  return { kind: 'supplier', fuels, authoredFailingMa };
}

export function failureContextFor(i: ResolvableInstallation, reader: Reader): FailureContext {
  return {
    groupId: i.groupId,
    installationType: i.installationType,
    electricity: i.electricityState,
    gas: i.gasState,
    splitSupply: i.splitSupply,
    toBeCommissionedByDcc: i.toBeCommissionedByDcc,
    reader,
  };
}

/** What the stored history says about one failure beyond its code (the MA that failed, the incident that held it). */
export interface FailureFacts {
  readonly code: string | null;
  readonly failedStep: string | null;
  readonly stage: StageId;
  readonly submittedBy: 'supplier' | 'dcc' | null;
  readonly authoredByViewer: boolean | null;
  readonly linkedIncidentScenario: string | null;
}

export function resolveFor(
  viewer: Viewer,
  i: ResolvableInstallation,
  facts: FailureFacts,
): FailureResolution {
  const event: FailureEvent = {
    code: facts.code,
    failedStepNumber: facts.failedStep,
    stage: facts.stage,
    submittedBy: facts.submittedBy,
    linkedIncidentScenario: facts.linkedIncidentScenario,
  };
  return resolveFailure(event, failureContextFor(i, readerFor(viewer, i, facts.authoredByViewer)));
}

// ---------------------------------------------------------------------------------------------------------
// The stored facts of a failure: the MA that carries its code, the incident that held the installation.
// ---------------------------------------------------------------------------------------------------------

interface StoredMa {
  readonly ma: {
    readonly id: number;
    readonly mpan: string | null;
    readonly mprn: string | null;
    readonly migrationWeek: string;
    readonly migrateOn: string;
    readonly receivedAt: Date;
    readonly validationStatus: 'accepted' | 'rejected';
    readonly validationCodes: string[];
    readonly completionStatus: 'success' | 'failure' | null;
    readonly completionCode: string | null;
  };
  readonly party: { readonly id: number; readonly role: string; readonly name: string };
}

interface StoredEvent {
  readonly code: string | null;
  readonly failedStep: string | null;
  readonly stage: StageId;
  readonly occurredAt: Date;
}

/**
 * The Migration Authorisation an authorisation-stage event tells of: a rejection belongs to the MA that carries
 * its code, an arrival to the MA received at that moment (imports and the seed write both at once). Undefined for
 * events of later stages, which are the installation's, not one supplier's.
 */
export function authorisationOfEvent(e: StoredEvent, mas: readonly StoredMa[]): StoredMa | undefined {
  if (e.stage !== 'authorisation') return undefined;
  if (e.code) return failingMa(e, mas);
  return mas.findLast(({ ma }) => ma.receivedAt.getTime() === e.occurredAt.getTime());
}

/** The MA whose Validation or Completion Response carries the event's code, latest received before it. */
function failingMa(e: StoredEvent, mas: readonly StoredMa[]): StoredMa | undefined {
  const code = e.code;
  if (!code) return undefined;
  const before = mas.filter(({ ma }) => ma.receivedAt <= e.occurredAt);
  // The MA that was itself rejected with the code comes first: on a split supply both suppliers' MAs can carry the
  // attempt's completion code, and reading the other side's MA would tell a supplier that the other one must act.
  return (
    before.findLast(({ ma }) => ma.validationCodes.includes(code)) ??
    before.findLast(({ ma }) => ma.completionCode === code)
  );
}

export function eventFacts(
  viewer: Viewer,
  e: StoredEvent,
  mas: readonly StoredMa[],
  incidents: readonly { readonly scenario: string; readonly raisedAt: Date }[],
): FailureFacts {
  const ma = failingMa(e, mas);
  const view = ma ? authorisingPartyFor(viewer, ma.party) : null;
  // On a split supply MA106 is on the MA that arrived: a supplier whose MA does not carry it is the one that missed.
  const authored = viewerParty(viewer) === null || !view ? null : view.mine;
  const incident = incidents
    .filter((inc) => inc.raisedAt <= e.occurredAt)
    .sort((a, b) => b.raisedAt.getTime() - a.raisedAt.getTime())[0];
  return {
    code: e.code,
    failedStep: e.failedStep,
    stage: e.stage,
    submittedBy: view?.kind ?? null,
    authoredByViewer: authored,
    linkedIncidentScenario: incident?.scenario ?? null,
  };
}

/** A Migration Authorisation as the installation page shows it: who sent it, which MPxNs it covers. */
export interface AuthorisationDto {
  id: number;
  authorisingParty: string;
  authorisedBy: 'supplier' | 'dcc';
  mine: boolean;
  /** Another supplier's MA seen by a supplier: its codes are withheld. */
  masked: boolean;
  covers: { mpan: string | null; mprn: string | null };
  migrationWeek: string;
  migrateOn: string;
  receivedAt: string;
  validationStatus: 'accepted' | 'rejected';
  validationCodes: string[];
  completionStatus: 'success' | 'failure' | null;
  completionCode: string | null;
}

export function authorisationDtos(viewer: Viewer, mas: readonly StoredMa[]): AuthorisationDto[] {
  return mas.map(({ ma, party }) => {
    const view = authorisingPartyFor(viewer, party);
    return {
      id: ma.id,
      authorisingParty: view.label,
      authorisedBy: view.kind,
      mine: view.mine,
      masked: view.masked,
      covers: { mpan: ma.mpan, mprn: ma.mprn },
      migrationWeek: ma.migrationWeek,
      migrateOn: ma.migrateOn,
      receivedAt: ma.receivedAt.toISOString(),
      validationStatus: ma.validationStatus,
      validationCodes: view.masked ? [] : ma.validationCodes,
      completionStatus: ma.completionStatus,
      completionCode: view.masked ? null : ma.completionCode,
    };
  });
}
