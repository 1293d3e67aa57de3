/**
 * Incidents (MEHRS section 2), in two kinds that meet the installations they affect:
 * - planned incidents, a few per incident scenario and GroupID variant (outages, whole-file errors), whose open
 *   windows are drawn before any installation, so a failure can be linked to the incident open when it happened;
 * - failure-raised incidents, for every failure the rules' resolver says raises one (12.9.5.DP01 → 2.6.6, a DSP or
 *   S1SP commissioning rejection → 2.7.5 / 2.7.7, MA101 after an outage → 2.4.1 / 2.5.1, …) that no planned incident
 *   of its scenario covers: failures of one scenario within INCIDENT_GROUPING_HOURS share one Incident.
 * An incident links only installations that failed at its scenario's stage while it was open, or (open incidents of
 * scenarios no failure raises) that are held at that stage since it was raised.
 */
import type { FailureResolution } from '@/lib/rules/resolve';
import { type Scenario, scenario as scenarioOf } from '@/lib/rules/scenarios';
import type { GroupId, IncidentCategory, PartyRole, StageId } from '@/lib/rules/types';
import type { SampledInstallation, SeedContext } from './context';
import { type IncidentPlan, incidentHistory, planIncidents } from './incident-plans';
import type { PartyRow } from './parties';
import { Random } from './random';
import { ANALYST_USER_ID, type IncidentBundle } from './rows';
import { HOUR, INCIDENT_GROUPING_HOURS, INCIDENT_INSTALLATIONS } from './shape';

interface Linked {
  readonly plan: IncidentPlan;
  /** Installations that failed at the stage while it was open, with a failure of its scenario. */
  readonly failures: SampledInstallation[];
  /** A bounded sample of installations held at the stage since it was raised (open incidents only). */
  readonly heldItems: SampledInstallation[];
  held: number;
}

interface RaisedGroup {
  readonly key: string;
  readonly scenario: Scenario;
  readonly groupId: GroupId | null;
  readonly owner: PartyRole;
  readonly raisedBy: PartyRole | null;
  firstAt: number;
  lastAt: number;
  readonly items: SampledInstallation[];
}

/** The GroupID variant an incident is raised for, when the scenario is handled differently for the GroupID. */
function variantGroup(s: Scenario, groupId: GroupId): GroupId | null {
  return s.variants?.some((v) => v.groupId === groupId) ? groupId : null;
}

export class IncidentLedger {
  private readonly linked: Linked[];
  private readonly byStage = new Map<StageId, Linked[]>();
  /** Sections some generated failure resolved to an Incident of: their planned incidents hold no bystanders. */
  private readonly failureRaised = new Set<string>();
  private readonly raised = new Map<string, RaisedGroup>();

  constructor(private readonly ctx: SeedContext) {
    this.linked = planIncidents(ctx).map((plan) => ({ plan, failures: [], heldItems: [], held: 0 }));
    for (const l of this.linked) {
      const stage = l.plan.spec.scenario.stage;
      this.byStage.set(stage, [...(this.byStage.get(stage) ?? []), l]);
    }
  }

  private openAt(stage: StageId, groupId: GroupId, at: number, section?: string): Linked | undefined {
    return this.byStage
      .get(stage)
      ?.find(
        (l) =>
          (section === undefined || l.plan.spec.scenario.section === section) &&
          (l.plan.spec.groupId === null || l.plan.spec.groupId === groupId) &&
          l.plan.spec.raisedAt <= at &&
          at <= l.plan.windowEnd,
      );
  }

  /** The section of a planned incident open at `stage` when an MA expired (MA101): the outage that held it up. */
  outageOpenAt(stage: StageId, groupId: GroupId, at: number, sections: readonly string[]): string | null {
    const found = this.byStage
      .get(stage)
      ?.find(
        (l) =>
          sections.includes(l.plan.spec.scenario.section) &&
          (l.plan.spec.groupId === null || l.plan.spec.groupId === groupId) &&
          l.plan.spec.raisedAt <= at &&
          at <= l.plan.windowEnd,
      );
    return found?.plan.spec.scenario.section ?? null;
  }

  /** A failure at `stage` at `at`: linked to the Incident its scenario raises, if the resolver says it raises one. */
  failure(
    item: SampledInstallation,
    groupId: GroupId,
    stage: StageId,
    at: number,
    resolution: FailureResolution,
  ): void {
    if (resolution.incident.kind !== 'incident') return;
    const s = scenarioOf(resolution.section);
    if (!s) return;
    this.failureRaised.add(s.section);
    const planned = this.openAt(stage, groupId, at, s.section);
    if (planned) {
      planned.failures.push(item);
      return;
    }
    const variant = variantGroup(s, groupId);
    const bucket = Math.floor(at / (INCIDENT_GROUPING_HOURS * HOUR));
    const key = `${s.section}|${variant ?? ''}|${String(bucket).padStart(8, '0')}`;
    let group = this.raised.get(key);
    if (!group) {
      group = {
        key,
        scenario: s,
        groupId: variant,
        owner: resolution.incident.owner,
        raisedBy: resolution.incident.raisedBy[0] ?? null,
        firstAt: at,
        lastAt: at,
        items: [],
      };
      this.raised.set(key, group);
    }
    group.firstAt = Math.min(group.firstAt, at);
    group.lastAt = Math.max(group.lastAt, at);
    group.items.push(item);
  }

  /** An installation in progress at `stage` since `since`: held up by an open incident there (a bounded sample). */
  held(item: SampledInstallation, groupId: GroupId, stage: StageId, since: number): void {
    for (const l of this.byStage.get(stage) ?? []) {
      const { spec, resolvedAt, want } = l.plan;
      if (resolvedAt !== null || since < spec.raisedAt) continue;
      if (spec.groupId !== null && spec.groupId !== groupId) continue;
      l.held++;
      if (l.heldItems.length < want) l.heldItems.push(item);
      else {
        const j = this.ctx.sampler.int(0, l.held - 1);
        if (j < want) l.heldItems[j] = item;
      }
    }
  }

  /** Every incident, oldest first, with its history, links, Interested Parties and notes. */
  bundle(): IncidentBundle {
    const ctx = this.ctx;
    const r = new Random(ctx.seed, 0xfffffff4);
    const raised = [...this.raised.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
    const all: { plan: IncidentPlan; items: readonly SampledInstallation[] }[] = [
      ...this.linked.map((l) => ({
        plan: l.plan,
        // A planned incident of a scenario failures raise keeps only those failures, never bystanders.
        items: this.failureRaised.has(l.plan.spec.scenario.section)
          ? l.failures
          : [...l.failures, ...l.heldItems],
      })),
      ...raised.map((g) => ({ plan: raisedPlan(ctx, r, g), items: g.items })),
    ];
    all.sort((a, b) => a.plan.spec.raisedAt - b.plan.spec.raisedAt);
    return materialise(ctx, all);
  }
}

function serviceParty(ctx: SeedContext, role: PartyRole): PartyRow {
  if (role === 'supplier' || role === 'smso' || role === 'csp') return ctx.parties.service.mcc;
  return ctx.parties.service[role];
}

/** The history of a failure-raised incident: raised at its first failure, resolved after its last. */
function raisedPlan(ctx: SeedContext, r: Random, g: RaisedGroup): IncidentPlan {
  const owner = serviceParty(ctx, g.owner);
  const raiser = g.raisedBy ? serviceParty(ctx, g.raisedBy) : owner;
  const category = r.int(2, 4) as IncidentCategory;
  const spec = {
    scenario: g.scenario,
    groupId: g.groupId,
    raisedBy: g.raisedBy ? [g.raisedBy] : [],
    owners: [g.owner],
    open: false,
    raisedAt: g.firstAt,
    turn: 0,
  };
  const history = incidentHistory(r, spec, category, raiser, owner, ctx.nowMs, g.lastAt);
  const resolved = history.find((h) => h.status === 'resolved' && h.at <= ctx.nowMs);
  return {
    spec: { ...spec, open: !resolved },
    category,
    owner,
    raiser,
    history,
    resolvedAt: resolved?.at ?? null,
    windowEnd: resolved?.at ?? ctx.nowMs,
    want: INCIDENT_INSTALLATIONS[1],
    recategoriseAt: -1,
  };
}

function interestedParties(
  ctx: SeedContext,
  raiser: PartyRow,
  items: readonly SampledInstallation[],
): number[] {
  const interested = new Set<number>();
  for (const item of items) {
    if (item.electricitySupplierId !== null) interested.add(item.electricitySupplierId);
    if (item.gasSupplierId !== null) interested.add(item.gasSupplierId);
  }
  if (raiser.role === 'supplier') interested.add(raiser.id);
  if (items.length === 0 && raiser.role !== 'supplier') {
    // No installation-level effect (SharePoint, 2.1.2; an outage that held nothing up): every supplier is told.
    for (const supplier of ctx.parties.suppliers) interested.add(supplier.id);
  }
  return [...interested].sort((a, b) => a - b);
}

function materialise(
  ctx: SeedContext,
  all: readonly { plan: IncidentPlan; items: readonly SampledInstallation[] }[],
): IncidentBundle {
  const r = new Random(ctx.seed, 0xfffffff3);
  const bundle: IncidentBundle = {
    incidents: [],
    events: [],
    interestedParties: [],
    installations: [],
    notes: [],
  };
  let eventId = 1;
  let noteId = 1;
  all.forEach(({ plan, items }, index) => {
    const id = index + 1;
    const { spec, owner, raiser } = plan;
    const s = spec.scenario;
    let category = plan.category;
    const visible = plan.history.filter((h) => h.at <= ctx.nowMs);
    const final = visible[visible.length - 1] ?? plan.history[0];
    visible.forEach((h, k) => {
      // An occasional re-categorisation, recorded on the event that made it.
      if (k === plan.recategoriseAt) category = Math.max(1, category - 1) as IncidentCategory;
      bundle.events.push({ id: eventId++, incidentId: id, category, ...h });
    });
    bundle.incidents.push({
      id,
      reference: `INC-${String(id).padStart(6, '0')}`,
      scenario: s.section,
      title: spec.groupId ? `${s.title} (GroupID ${spec.groupId})` : s.title,
      description: s.installationEffect,
      raisedByPartyId: raiser.id,
      ownerPartyId: owner.id,
      groupId: spec.groupId,
      category,
      status: final?.status ?? 'open',
      raisedAt: spec.raisedAt,
      resolvedAt: plan.resolvedAt,
    });
    const seen = new Set<number>();
    for (const item of items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      bundle.installations.push({ incidentId: id, installationId: item.id });
    }
    for (const partyId of interestedParties(ctx, raiser, items))
      bundle.interestedParties.push({ incidentId: id, partyId });
    const noteCount = r.int(1, 2);
    for (let k = 0; k < noteCount; k++) {
      const noteAt = Math.round(
        spec.raisedAt + (Math.min(ctx.nowMs, final?.at ?? spec.raisedAt) - spec.raisedAt) * r.real(0.1, 0.9),
      );
      const body =
        k === 0
          ? `MCC: ${owner.name} acknowledged the incident. Expected on resolution: ${s.onResolution ?? 'no action stated.'}`
          : `MCC: Interested Parties updated through the Self-Service Interface (${seen.size} installation(s) affected).`;
      bundle.notes.push({ id: noteId++, incidentId: id, at: noteAt, authorUserId: ANALYST_USER_ID, body });
    }
  });
  return bundle;
}
