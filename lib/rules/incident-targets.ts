/**
 * Incident Target Resolution Times (ITRT) and a pure resolution clock.
 *
 * Migration incidents (MEHRS 2.4–2.7) are resolved "in accordance with the Incident Target Resolution Time described
 * in the TMAD"; SharePoint incidents (MEHRS 2.1.1, 2.1.2) are not migration incidents and use "the standard Incident
 * Target Resolution Time described in the Incident Management Policy". The numbers are configuration
 * (INCIDENT_TARGET_DEFAULTS, to be confirmed: the seeds give none).
 */
import { INCIDENT_TARGET_DEFAULTS, type IncidentTargetConfig } from './config';
import type { IncidentCategory, IncidentStatus } from './types';

const HOUR_MS = 3_600_000;

/** 'migration': TMAD ITRT (MEHRS 2.4–2.7); 'standard': Incident Management Policy ITRT (MEHRS 2.1). */
export type IncidentKind = 'migration' | 'standard';

export interface IncidentTarget {
  readonly category: IncidentCategory;
  readonly kind: IncidentKind;
  /** The target as running-clock time. */
  readonly targetMs: number;
  /** raisedAt + targetMs: the target resolution instant if the clock is never paused. */
  readonly targetAt: Date;
}

/** The running-clock target for a category (hours from the table, as milliseconds). */
export function incidentTargetMs(
  category: IncidentCategory,
  config: IncidentTargetConfig = INCIDENT_TARGET_DEFAULTS,
  kind: IncidentKind = 'migration',
): number {
  const hours = config[kind][category];
  if (hours === undefined || !(hours > 0))
    throw new RangeError(`No ITRT for a ${kind} incident of category ${category}`);
  return hours * HOUR_MS;
}

/**
 * The target resolution time of an incident raised at `raisedAt` (MEHRS 2.x "Incident Target Resolution Time";
 * TMAD for migration incidents, Incident Management Policy for 'standard'). Elapsed time, so DST does not shift it.
 */
export function incidentTargets(
  category: IncidentCategory,
  raisedAt: Date,
  config: IncidentTargetConfig = INCIDENT_TARGET_DEFAULTS,
  kind: IncidentKind = 'migration',
): IncidentTarget {
  if (Number.isNaN(raisedAt.getTime())) throw new RangeError('Invalid raisedAt Date');
  const targetMs = incidentTargetMs(category, config, kind);
  return { category, kind, targetMs, targetAt: new Date(raisedAt.getTime() + targetMs) };
}

/** One entry of an incident's history. */
export type IncidentEvent =
  | { readonly type: 'status'; readonly status: IncidentStatus; readonly at: Date }
  | { readonly type: 'category'; readonly category: IncidentCategory; readonly at: Date };

export interface IncidentClock {
  /** The status in force at `now` (null before the first status event). */
  readonly status: IncidentStatus | null;
  /** The category in force at `now`: the target always follows the current category. */
  readonly category: IncidentCategory;
  /** Sum of the running intervals ('open' or 'in-progress') up to `now`. */
  readonly elapsedMs: number;
  /** The current category's target. */
  readonly targetMs: number;
  /** targetMs - elapsedMs (negative once breached). */
  readonly remainingMs: number;
  /** When the clock is running: now + remainingMs (in the past once breached). Null while stopped. */
  readonly dueAt: Date | null;
  /** elapsedMs > targetMs: more running time has been used than the current category's target. */
  readonly overTarget: boolean;
  /** The target is a placeholder not yet confirmed against the TMAD / Incident Management Policy (config). */
  readonly provisional: boolean;
  /** overTarget against a confirmed target: a provisional target is never reported as breached. */
  readonly breached: boolean;
  /** True while the status is 'paused'. */
  readonly paused: boolean;
  /** True while the status is 'open' or 'in-progress'. */
  readonly running: boolean;
}

/**
 * The incident's resolution clock at `now`, from its history.
 *
 * - The clock runs while the status is 'open' or 'in-progress', and stops while 'paused', 'resolved' or 'closed'
 *   (a reopened incident runs again). Elapsed time is the sum of the running intervals, so it does not depend on the
 *   category: re-categorising an incident later keeps all the time already run and never counts paused time.
 * - The target is that of the category in force at `now` (its latest category event at or before `now`).
 * - Events after `now` are ignored; events are taken in time order (ties keep their given order).
 * Throws RangeError if no category event is at or before `now`, or on an invalid Date.
 */
export function incidentClock(
  events: readonly IncidentEvent[],
  now: Date,
  config: IncidentTargetConfig = INCIDENT_TARGET_DEFAULTS,
  kind: IncidentKind = 'migration',
): IncidentClock {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('Invalid now Date');
  for (const e of events) if (Number.isNaN(e.at.getTime())) throw new RangeError('Invalid event Date');

  const ordered = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.at.getTime() <= nowMs)
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index)
    .map(({ event }) => event);

  const RUNNING: ReadonlySet<IncidentStatus> = new Set(config.runningStatuses);
  let status: IncidentStatus | null = null;
  let category: IncidentCategory | null = null;
  let runningSince: number | null = null;
  let elapsedMs = 0;

  for (const e of ordered) {
    if (e.type === 'category') {
      category = e.category;
      continue;
    }
    const t = e.at.getTime();
    const wasRunning = runningSince !== null;
    const nowRunning = RUNNING.has(e.status);
    if (wasRunning && !nowRunning && runningSince !== null) {
      elapsedMs += t - runningSince;
      runningSince = null;
    } else if (!wasRunning && nowRunning) {
      runningSince = t;
    }
    status = e.status;
  }
  if (runningSince !== null) elapsedMs += nowMs - runningSince;
  if (category === null) throw new RangeError('The incident has no category at or before now');

  const targetMs = incidentTargetMs(category, config, kind);
  const running = runningSince !== null;
  const remainingMs = targetMs - elapsedMs;
  return {
    status,
    category,
    elapsedMs,
    targetMs,
    remainingMs,
    dueAt: running ? new Date(nowMs + remainingMs) : null,
    overTarget: elapsedMs > targetMs,
    provisional: !config.confirmed[kind],
    breached: elapsedMs > targetMs && config.confirmed[kind],
    paused: status === 'paused',
    running,
  };
}
