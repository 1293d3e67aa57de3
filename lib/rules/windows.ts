/**
 * Time windows an installation can miss while an incident holds up its files (MEHRS 2.4–2.6).
 *
 * - Required File Set window: the S1SP (TMAD 5.24) and the DCO (TMAD 5.18) must receive their Required File Sets
 *   within 24 hours of the Migration Common Validation File (MCVF) being generated (MEHRS 2.5.1, 2.5.2, 2.5.4–2.5.10).
 * - DCO MEF timeout: the DCO discards an authenticated MEF not used within 48 hours (TMAD 5.16, MEHRS 2.6.4).
 * - MA validity: the backlog is processed only "if the Migration Authorisations ... are still valid" (MEHRS 2.4.1,
 *   2.4.4, 2.5.6–2.5.10); an expired one fails with MA101 'Authorisation Expired' (Appendix A.1). Our reading: an MA
 *   authorises migration in its Migration Week only (MA004 rejects a week that has already ended), so it expires at
 *   the end of its Migration Week, 00:00 Europe/London on the following Monday. A caller that knows a different
 *   expiry passes it as `maExpiresAt`.
 * All windows are elapsed time (UTC arithmetic): a clock change does not lengthen or shorten them.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { MIGRATION_TIME_ZONE, WINDOW_DEFAULTS, type WindowConfig } from './config';
import type { GroupId } from './types';
import { type IsoDate, migrationWeekEnd } from './weeks';

const HOUR_MS = 3_600_000;

function valid(d: Date, name: string): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`Invalid ${name} Date`);
  return t;
}

/** TMAD 5.24 / 5.18 (MEHRS 2.5.1): the last instant by which the Required File Set must have arrived (exclusive). */
export function requiredFileSetDeadline(mcvfGeneratedAt: Date, config: WindowConfig = WINDOW_DEFAULTS): Date {
  return new Date(valid(mcvfGeneratedAt, 'mcvfGeneratedAt') + config.requiredFileSetHours * HOUR_MS);
}

/** TMAD 5.16 (MEHRS 2.6.4): when the DCO discards an authenticated MEF that the S1SP has not used. */
export function dcoMefDiscardAt(authenticatedAt: Date, config: WindowConfig = WINDOW_DEFAULTS): Date {
  return new Date(valid(authenticatedAt, 'authenticatedAt') + config.dcoMefDiscardHours * HOUR_MS);
}

/** MA101 'Authorisation Expired' (Appendix A.1): our reading is the end of the Migration Week (see the file header). */
export function migrationAuthorisationExpiresAt(migrationWeek: IsoDate): Date {
  return migrationWeekEnd(migrationWeek);
}

/** What the window check needs to know about an installation. */
export interface WindowInstallation {
  /** The Migration Week of its current MA (a Monday). */
  readonly migrationWeek: IsoDate;
  /** The Migrate On date of its current MA, if known (used in the wording only). */
  readonly migrateOn?: IsoDate | null;
  /** When the S1SP generated the MCVF that includes it; absent while no MCVF exists yet (no 24-hour window yet). */
  readonly mcvfGeneratedAt?: Date | null;
  /** When its Required File Set reached the S1SP/DCO; once set, the 24-hour window no longer matters. */
  readonly requiredFileSetReceivedAt?: Date | null;
  /** Overrides the MA expiry (default: end of the Migration Week). */
  readonly maExpiresAt?: Date | null;
  /** GroupID, for the GroupID CB remedy in the wording (MEHRS 2.5.5–2.5.10). */
  readonly groupId?: GroupId | null;
}

/** What the window check needs to know about the open incident holding the installation up. */
export interface WindowIncident {
  /** The incident's target resolution instant (e.g. incidentClock(...).dueAt or incidentTargets(...).targetAt). */
  readonly targetResolutionAt: Date;
  /** Optional reference used in the wording, e.g. 'INC000123'. */
  readonly reference?: string | null;
}

export type WindowRiskKind = 'required-file-set-window' | 'ma-expiry';

export interface WindowRiskFinding {
  readonly kind: WindowRiskKind;
  /** The instant the window closes (exclusive). */
  readonly deadline: Date;
  /** True when the window had already closed at `now`; false when it is still open but closes by the target. */
  readonly passed: boolean;
  readonly reason: string;
  readonly source: string;
}

/**
 * 'clear': neither window closes by the incident's target resolution time.
 * 'at-risk': a window is still open but closes at or before the target resolution time.
 * 'missed': a window has already closed at `now` (reported even if another is only at risk).
 */
export type IncidentWindowRisk =
  | { readonly status: 'clear'; readonly findings: readonly []; readonly reasons: readonly string[] }
  | {
      readonly status: 'at-risk' | 'missed';
      readonly findings: readonly WindowRiskFinding[];
      readonly reasons: readonly string[];
    };

/** An instant as London clocks show it, e.g. '30 Mar 2026 10:00 (London time)'. */
function london(instant: Date): string {
  return `${format(instant, 'd MMM yyyy HH:mm', { in: tz(MIGRATION_TIME_ZONE) })} (London time)`;
}

/**
 * Will the installation miss its Required File Set window, or will its MA expire, before the open incident's target
 * resolution time? A window that closes at exactly the target resolution time counts as at risk: the backlog is only
 * processed after resolution (MEHRS 2.4.1, 2.5.1).
 */
export function incidentWindowRisk(
  installation: WindowInstallation,
  incident: WindowIncident,
  now: Date,
  config: WindowConfig = WINDOW_DEFAULTS,
): IncidentWindowRisk {
  const nowMs = valid(now, 'now');
  const targetMs = valid(incident.targetResolutionAt, 'targetResolutionAt');
  const incidentName = incident.reference ? `incident ${incident.reference}` : 'the incident';
  const findings: WindowRiskFinding[] = [];
  const reasons: string[] = [];

  const { mcvfGeneratedAt, requiredFileSetReceivedAt } = installation;
  if (mcvfGeneratedAt && !requiredFileSetReceivedAt) {
    const deadline = requiredFileSetDeadline(mcvfGeneratedAt, config);
    const cb =
      installation.groupId === 'CB'
        ? ' For GroupID CB the Requesting Party resubmits the installation in a new Migration Common File without ' +
          'the 7-day communications check (MEHRS 2.5.5–2.5.10).'
        : '';
    if (deadline.getTime() <= nowMs) {
      findings.push({
        kind: 'required-file-set-window',
        deadline,
        passed: true,
        reason:
          `The Required File Set window closed at ${london(deadline)}, ${config.requiredFileSetHours} hours after ` +
          `the MCVF was generated, without the file set arriving: the installation will fail at a later step.${cb}`,
        source: 'TMAD 5.24, 5.18; MEHRS 2.5.1',
      });
    } else if (deadline.getTime() <= targetMs) {
      findings.push({
        kind: 'required-file-set-window',
        deadline,
        passed: false,
        reason:
          `The Required File Set must arrive by ${london(deadline)} (${config.requiredFileSetHours} hours after the ` +
          `MCVF was generated), but ${incidentName} is not due to be resolved until ` +
          `${london(incident.targetResolutionAt)}.${cb}`,
        source: 'TMAD 5.24, 5.18; MEHRS 2.5.1',
      });
    } else {
      reasons.push(
        `The Required File Set window stays open until ${london(deadline)}, after ${incidentName}'s target ` +
          `resolution time of ${london(incident.targetResolutionAt)}.`,
      );
    }
  } else if (requiredFileSetReceivedAt) {
    reasons.push('The Required File Set has already arrived, so its 24-hour window no longer applies.');
  } else {
    reasons.push('No MCVF has been generated yet, so the 24-hour Required File Set window has not started.');
  }

  const expiry = installation.maExpiresAt ?? migrationAuthorisationExpiresAt(installation.migrationWeek);
  valid(expiry, 'maExpiresAt');
  const week = `the Migration Week of ${installation.migrationWeek}`;
  if (expiry.getTime() <= nowMs) {
    findings.push({
      kind: 'ma-expiry',
      deadline: expiry,
      passed: true,
      reason:
        `The Migration Authorisation for ${week} expired at ${london(expiry)} (MA101 Authorisation Expired): ` +
        'the supplier must include the installation in a Migration Authorisation for a later Migration Week.',
      source: 'MEHRS 2.4.1, Appendix A.1 MA101',
    });
  } else if (expiry.getTime() <= targetMs) {
    findings.push({
      kind: 'ma-expiry',
      deadline: expiry,
      passed: false,
      reason:
        `The Migration Authorisation for ${week} expires at ${london(expiry)}, before ${incidentName}'s target ` +
        `resolution time of ${london(incident.targetResolutionAt)}: if it is not processed by then it will fail ` +
        'with MA101 (Authorisation Expired) and must be rescheduled.',
      source: 'MEHRS 2.4.1, Appendix A.1 MA101',
    });
  } else {
    reasons.push(
      `The Migration Authorisation for ${week} stays valid until ${london(expiry)}, after ${incidentName}'s target ` +
        `resolution time.`,
    );
  }

  if (findings.length === 0) return { status: 'clear', findings: [], reasons };
  return {
    status: findings.some((f) => f.passed) ? 'missed' : 'at-risk',
    findings,
    reasons: [...findings.map((f) => f.reason), ...reasons],
  };
}
