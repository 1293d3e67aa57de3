import type { ClockDto } from '@/lib/data/incident-queue';
import { INCIDENT_CATEGORIES } from '@/lib/rules/types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** '2 d 4 h', '3 h 12 min', '7 min': a duration at the precision a queue needs. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY) return `${Math.floor(abs / DAY)} d ${Math.floor((abs % DAY) / HOUR)} h`;
  if (abs >= HOUR) return `${Math.floor(abs / HOUR)} h ${Math.floor((abs % HOUR) / MINUTE)} min`;
  return `${Math.max(0, Math.floor(abs / MINUTE))} min`;
}

/** Time left at `nowMs` for a clock computed at `asOfMs`: a running clock keeps counting down. */
export function remainingAt(clock: ClockDto, asOfMs: number, nowMs: number): number {
  return clock.running ? clock.remainingMs - (nowMs - asOfMs) : clock.remainingMs;
}

/**
 * The words for a clock. While the targets are provisional (the documents give no figures) a clock past its target
 * says "past provisional target", never "breached".
 */
export function describeRemaining(clock: ClockDto, remainingMs: number): string {
  const state = clock.running ? '' : ' (clock stopped)';
  const past = clock.provisional ? 'Past provisional target' : 'Target breached';
  if (remainingMs < 0) return `${past} by ${formatDuration(remainingMs)}${state}`;
  return `${formatDuration(remainingMs)} left${state}`;
}

/** The incident categories as select options (raising an incident, re-categorising one). */
export const CATEGORY_OPTIONS = INCIDENT_CATEGORIES.map((c) => ({ value: c, label: String(c) }));
