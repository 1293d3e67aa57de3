/**
 * The planned incidents: a few per scenario MEHRS handles with an Incident (section 2) and per GroupID variant, plus
 * extra open ones. Drawn before any installation (they depend only on the seed and `now`), so each installation's
 * failures can be linked to the incident open when they happened.
 */
import { incidentTargetMs } from '@/lib/rules/incident-targets';
import { SCENARIOS, type Scenario } from '@/lib/rules/scenarios';
import type { GroupId, IncidentCategory, IncidentStatus, PartyRole } from '@/lib/rules/types';
import type { SeedContext } from './context';
import type { PartyRow, SupplierParty } from './parties';
import { Random, type WeightedTable, weightedTable } from './random';
import { ANALYST_USER_ID } from './rows';
import {
  DAY,
  EXTRA_OPEN_INCIDENTS,
  HOUR,
  INCIDENT_CATEGORY_WEIGHTS,
  INCIDENT_CLOSE_DAYS,
  INCIDENT_ESCALATION_SHARE,
  INCIDENT_INSTALLATIONS,
  INCIDENT_PAUSE_HOURS,
  INCIDENT_PAUSE_SHARE,
  INCIDENT_RESOLUTION_OF_TARGET,
  INCIDENT_RESOLVED_AFTER_LAST_FAILURE_HOURS,
  INCIDENTS_PER_SCENARIO,
  MINUTE,
  OPEN_INCIDENT_AGE_HOURS,
  OPEN_INCIDENT_SHARE,
  RESOLVED_INCIDENT_MIN_AGE_DAYS,
  UNACKNOWLEDGED_OPEN_SHARE,
} from './shape';

export interface Spec {
  scenario: Scenario;
  groupId: GroupId | null;
  raisedBy: readonly PartyRole[];
  owners: readonly PartyRole[];
  open: boolean;
  raisedAt: number;
  /** Which of the scenario's incidents this is: rotates through its raisers and owners (2.6.5 has two). */
  turn: number;
}

export interface HistoryEntry {
  at: number;
  status: IncidentStatus;
  byUserId: string | null;
  note: string | null;
}

/** The incidents to raise: a few per incident scenario and GroupID variant, plus extra open ones, oldest first. */
function incidentSpecs(ctx: SeedContext, r: Random): Spec[] {
  const incidentScenarios = SCENARIOS.filter((s) => s.handling === 'incident');
  const historyStart = ctx.week(0).startMs;
  const specs: Spec[] = [];
  const add = (
    s: Scenario,
    groupId: GroupId | null,
    raisedBy: readonly PartyRole[],
    owners: readonly PartyRole[],
    open: boolean,
    turn: number,
  ) => {
    const raisedAt = Math.round(
      open
        ? ctx.nowMs - r.real(OPEN_INCIDENT_AGE_HOURS[0], OPEN_INCIDENT_AGE_HOURS[1]) * HOUR
        : r.real(historyStart, ctx.nowMs - RESOLVED_INCIDENT_MIN_AGE_DAYS * DAY),
    );
    specs.push({ scenario: s, groupId, raisedBy, owners, open, raisedAt, turn });
  };
  for (const s of incidentScenarios) {
    for (let k = 0; k < INCIDENTS_PER_SCENARIO; k++)
      add(s, null, s.raisedBy, s.owners, k === 0 && r.chance(OPEN_INCIDENT_SHARE), k);
    // GroupID variants handled as Incidents (CB in MEHRS 2.5.6–2.5.10; DA per seed 000 4.4).
    for (const v of s.variants ?? []) {
      if ((v.handling ?? s.handling) !== 'incident') continue;
      const owner = v.owner === undefined ? s.owners : v.owner === null ? [] : [v.owner];
      add(
        s,
        v.groupId,
        v.raisedBy ?? s.raisedBy,
        owner.length > 0 ? owner : s.owners,
        r.chance(OPEN_INCIDENT_SHARE),
        0,
      );
    }
  }
  for (let k = 0; k < EXTRA_OPEN_INCIDENTS; k++) {
    const s = r.pick(incidentScenarios);
    add(s, null, s.raisedBy, s.owners, true, k);
  }
  return specs.sort((a, b) => a.raisedAt - b.raisedAt);
}

/** Raised, assigned, perhaps paused and resumed, then (unless open) resolved and closed; entries may pass `now`. */
export function incidentHistory(
  r: Random,
  spec: Spec,
  category: IncidentCategory,
  raiser: PartyRow,
  owner: PartyRow,
  nowMs: number,
  /** A failure-raised incident is resolved only after the last failure it covers. */
  lastFailureAt?: number,
): HistoryEntry[] {
  const s = spec.scenario;
  const kind = s.resolutionTarget === 'standard-itrt' ? 'standard' : 'migration';
  const history: HistoryEntry[] = [];
  let at = spec.raisedAt;
  history.push({ at, status: 'open', byUserId: null, note: `Raised by ${raiser.name}` });
  // Some open incidents are not yet acknowledged by their owner.
  at += spec.open && r.chance(UNACKNOWLEDGED_OPEN_SHARE) ? r.real(8, 12) * DAY : r.real(10, 120) * MINUTE;
  at = Math.round(at);
  history.push({ at, status: 'in-progress', byUserId: ANALYST_USER_ID, note: `Assigned to ${owner.name}` });
  const target = incidentTargetMs(category, undefined, kind);
  let resolveAt =
    at + Math.round(target * r.real(INCIDENT_RESOLUTION_OF_TARGET[0], INCIDENT_RESOLUTION_OF_TARGET[1]));
  if (lastFailureAt !== undefined) {
    const after = r.real(
      INCIDENT_RESOLVED_AFTER_LAST_FAILURE_HOURS[0],
      INCIDENT_RESOLVED_AFTER_LAST_FAILURE_HOURS[1],
    );
    resolveAt = Math.max(resolveAt, Math.round(lastFailureAt + after * HOUR));
  }
  if (r.chance(INCIDENT_PAUSE_SHARE)) {
    const pausedAt = Math.round(at + (resolveAt - at) * r.real(0.2, 0.6));
    const pause = Math.round(r.real(INCIDENT_PAUSE_HOURS[0], INCIDENT_PAUSE_HOURS[1]) * HOUR);
    history.push({
      at: pausedAt,
      status: 'paused',
      byUserId: ANALYST_USER_ID,
      note: 'Waiting on information from another party',
    });
    history.push({
      at: pausedAt + pause,
      status: 'in-progress',
      byUserId: ANALYST_USER_ID,
      note: 'Information received',
    });
    resolveAt += pause;
  }
  if (!spec.open) {
    history.push({ at: resolveAt, status: 'resolved', byUserId: ANALYST_USER_ID, note: s.onResolution });
    const closeAt = resolveAt + Math.round(r.real(INCIDENT_CLOSE_DAYS[0], INCIDENT_CLOSE_DAYS[1]) * DAY);
    if (closeAt <= nowMs)
      history.push({ at: closeAt, status: 'closed', byUserId: ANALYST_USER_ID, note: null });
  }
  return history;
}

/** An incident with its whole history drawn; `windowEnd` closes the span in which it affects installations. */
export interface IncidentPlan {
  readonly spec: Spec;
  readonly category: IncidentCategory;
  readonly owner: PartyRow;
  readonly raiser: PartyRow;
  readonly history: readonly HistoryEntry[];
  readonly resolvedAt: number | null;
  readonly windowEnd: number;
  /** How many held-up installations it links at most. */
  readonly want: number;
  /** Index of the visible history entry that lowered its category, or -1. */
  readonly recategoriseAt: number;
}

export function planIncidents(ctx: SeedContext): IncidentPlan[] {
  const r = new Random(ctx.seed, 0xfffffff2);
  const categoryTable: WeightedTable<IncidentCategory> = weightedTable(
    Object.entries(INCIDENT_CATEGORY_WEIGHTS).map(([c, w]) => [Number(c) as IncidentCategory, w] as const),
  );
  const partyFor = (role: PartyRole): PartyRow => {
    if (role === 'supplier') return ctx.parties.suppliers[r.weighted(ctx.supplierTable)] as SupplierParty;
    if (role === 'smso') return r.pick(ctx.parties.smsos);
    if (role === 'csp') return r.pick(ctx.parties.rows.filter((p) => p.role === 'csp'));
    return ctx.parties.service[role];
  };
  return incidentSpecs(ctx, r).map((spec) => {
    const category = r.weighted(categoryTable);
    const owner = partyFor(spec.owners[spec.turn % spec.owners.length] ?? 'mcc');
    // MEHRS 2.6.6 names no raiser: the party that finds the failure is the owner itself.
    const raisedBy = spec.raisedBy[spec.turn % Math.max(1, spec.raisedBy.length)];
    const raiser = raisedBy ? partyFor(raisedBy) : owner;
    const history = incidentHistory(r, spec, category, raiser, owner, ctx.nowMs);
    const visible = history.filter((h) => h.at <= ctx.nowMs);
    const resolved = visible.find((h) => h.status === 'resolved');
    const recategoriseAt =
      visible.length > 2 && r.chance(INCIDENT_ESCALATION_SHARE) ? 1 + r.int(0, visible.length - 2) : -1;
    return {
      spec,
      category,
      owner,
      raiser,
      history,
      resolvedAt: resolved?.at ?? null,
      windowEnd: resolved?.at ?? ctx.nowMs,
      want: r.int(INCIDENT_INSTALLATIONS[0], INCIDENT_INSTALLATIONS[1]),
      recategoriseAt,
    };
  });
}
