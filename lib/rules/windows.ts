/**
 * Time windows an installation can miss while an incident holds up its files (MEHRS 2.4–2.6).
 *
 * - Required File Set window: the S1SP (TMAD 5.24) and the DCO (TMAD 5.18) must receive their Required File Sets
 *   within 24 hours of the Migration Common Validation File (MCVF) being generated (MEHRS 2.5.1, 2.5.2, 2.5.4–2.5.10).
 * - DCO MEF timeout: the DCO discards an authenticated MEF not used within 48 hours (TMAD 5.16, MEHRS 2.6.4).
 * - MA validity: the backlog is processed only "if the Migration Authorisations ... are still valid" (MEHRS 2.4.1,
 *   2.4.4, 2.5.6–2.5.10); an expired one fails with MA101 'Authorisation Expired' (Appendix A.1). ASSUMPTION (D14, no
 *   document gives the expiry; findings that rest on it carry `assumption`): an MA
 *   authorises migration in its Migration Week only (MA004 rejects a week that has already ended), so it expires at
 *   the end of its Migration Week, 00:00 Europe/London on the following Monday. A caller that knows a different
 *   expiry passes it as `maExpiresAt`.
 * All windows are elapsed time (UTC arithmetic): a clock change does not lengthen or shorten them.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  MA_VALIDITY_DEFAULTS,
  type MaValidityConfig,
  MIGRATION_TIME_ZONE,
  WINDOW_DEFAULTS,
  type WindowConfig,
} from './config';
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

/** MA101 'Authorisation Expired' (Appendix A.1): the assumed expiry of MA_VALIDITY_DEFAULTS (D14). */
export function migrationAuthorisationExpiresAt(
  migrationWeek: IsoDate,
  config: MaValidityConfig = MA_VALIDITY_DEFAULTS,
): Date {
  switch (config.expiry) {
    case 'end-of-migration-week':
      return migrationWeekEnd(migrationWeek);
  }
}

/** What the window check needs to know about an installation. */
export interface WindowInstallation {
  /** The Migration Week of its current MA (a Monday). */
  readonly migrationWeek: IsoDate;
  /** The Migrate On date of its current MA, if known (used in the wording only). */
  readonly migrateOn?: IsoDate | null;
  /** When the S1SP generated the MCVF that includes it; absent while no MCVF exists yet (no 24-hour window yet). */
  readonly mcvfGeneratedAt?: Date | null;
  /** When the S1SP Required File Set arrived (TMAD 5.24). */
  readonly s1spRequiredFileSetReceivedAt?: Date | null;
  /** When the DCO Required File Set arrived (TMAD 5.18): a separate delivery with its own window (D12). */
  readonly dcoRequiredFileSetReceivedAt?: Date | null;
  /** Both Required File Sets arrived (kept for callers that record one receipt for both). */
  readonly requiredFileSetReceivedAt?: Date | null;
  /** When the DCO authenticated the MEF; it discards it 48 hours later if the S1SP has not used it (TMAD 5.16, D13). */
  readonly mefAuthenticatedAt?: Date | null;
  /** The S1SP has used the authenticated MEF (device validation and key rotation done): no discard risk. */
  readonly mefUsed?: boolean | null;
  /** Overrides the MA expiry (default: the assumed end of the Migration Week, D14). */
  readonly maExpiresAt?: Date | null;
  /** GroupID, for the GroupID CB / DA remedies of MEHRS 2.5.5–2.5.10. */
  readonly groupId?: GroupId | null;
}

/** What the window check needs to know about the open incident holding the installation up. */
export interface WindowIncident {
  /** The incident's target resolution instant (e.g. incidentClock(...).dueAt or incidentTargets(...).targetAt). */
  readonly targetResolutionAt: Date;
  /** Optional reference used in the wording, e.g. 'INC000123'. */
  readonly reference?: string | null;
  /** The incident's MEHRS scenario: the CB/DA new-MCF remedy applies only under 2.5.5–2.5.10 (D15). */
  readonly scenario?: string | null;
}

export type WindowRiskKind = 'required-file-set-window' | 'mef-discard' | 'ma-expiry';

export interface WindowRiskFinding {
  readonly kind: WindowRiskKind;
  /** For a Required File Set window: whose set (TMAD 5.24 S1SP, 5.18 DCO). */
  readonly party?: 's1sp' | 'dco';
  /** The instant the window closes (exclusive). */
  readonly deadline: Date;
  /** True when the window had already closed at `now`; false when it is still open but closes by the target. */
  readonly passed: boolean;
  readonly reason: string;
  readonly source: string;
  /** Set when the deadline rests on an assumption the documents do not settle (D14: MA expiry). */
  readonly assumption?: string;
}

/**
 * 'clear': no window closes by the incident's target resolution time.
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

/** MEHRS 2.5.5–2.5.10 are the sections with GroupID CB (new MCF without the 7-day check) and DA (new MCF) variants. */
const NEW_MCF_SECTIONS = new Set(['2.5.5', '2.5.6', '2.5.7', '2.5.8', '2.5.9', '2.5.10']);

function groupRemedy(installation: WindowInstallation, incident: WindowIncident): string {
  if (!incident.scenario || !NEW_MCF_SECTIONS.has(incident.scenario)) return '';
  if (installation.groupId === 'CB') {
    return ` For GroupID CB the Requesting Party resubmits the installation in a new Migration Common File without the 7-day communications check (MEHRS ${incident.scenario}).`;
  }
  if (installation.groupId === 'DA') {
    return ` For GroupID DA the Requesting Party resubmits the installation in a new Migration Common File (MEHRS v3.0 conclusions 4.4).`;
  }
  return '';
}

interface Check {
  readonly nowMs: number;
  readonly targetMs: number;
  readonly incidentName: string;
  readonly target: Date;
  readonly findings: WindowRiskFinding[];
  readonly reasons: string[];
}

/** One window: missed, at risk, or open past the target (then only a reason). */
function checkWindow(
  c: Check,
  finding: Omit<WindowRiskFinding, 'passed' | 'reason'>,
  missed: string,
  atRisk: string,
  open: string,
): void {
  const at = finding.deadline.getTime();
  if (at <= c.nowMs) c.findings.push({ ...finding, passed: true, reason: missed });
  else if (at <= c.targetMs) c.findings.push({ ...finding, passed: false, reason: atRisk });
  else c.reasons.push(open);
}

const FILE_SETS = {
  s1sp: { label: 'S1SP Required File Set', source: 'TMAD 5.24; MEHRS 2.5.1' },
  dco: { label: 'DCO Required File Set', source: 'TMAD 5.18; MEHRS 2.5.7' },
} as const;

/** TMAD 5.24 and 5.18: each Required File Set has its own 24-hour window from the MCVF (D12). */
function fileSetWindows(
  i: WindowInstallation,
  incident: WindowIncident,
  c: Check,
  config: WindowConfig,
): void {
  if (!i.mcvfGeneratedAt) {
    c.reasons.push(
      'No MCVF has been generated yet, so the 24-hour Required File Set windows have not started.',
    );
    return;
  }
  const deadline = requiredFileSetDeadline(i.mcvfGeneratedAt, config);
  const remedy = groupRemedy(i, incident);
  for (const party of ['s1sp', 'dco'] as const) {
    const received =
      (party === 's1sp' ? i.s1spRequiredFileSetReceivedAt : i.dcoRequiredFileSetReceivedAt) ??
      i.requiredFileSetReceivedAt;
    const { label, source } = FILE_SETS[party];
    if (received) {
      c.reasons.push(`The ${label} has already arrived, so its 24-hour window no longer applies.`);
      continue;
    }
    checkWindow(
      c,
      { kind: 'required-file-set-window', party, deadline, source },
      `The ${label} window closed at ${london(deadline)}, ${config.requiredFileSetHours} hours after the MCVF was generated, without the file set arriving: the installation will fail at a later step.${remedy}`,
      `The ${label} must arrive by ${london(deadline)} (${config.requiredFileSetHours} hours after the MCVF was generated), but ${c.incidentName} is not due to be resolved until ${london(c.target)}.${remedy}`,
      `The ${label} window stays open until ${london(deadline)}, after ${c.incidentName}'s target resolution time of ${london(c.target)}.`,
    );
  }
}

/** TMAD 5.16 / MEHRS 2.6.4: an authenticated MEF the S1SP has not used is discarded after 48 hours (D13). */
function mefWindow(i: WindowInstallation, c: Check, config: WindowConfig): void {
  if (!i.mefAuthenticatedAt || i.mefUsed) return;
  const deadline = dcoMefDiscardAt(i.mefAuthenticatedAt, config);
  checkWindow(
    c,
    { kind: 'mef-discard', deadline, source: 'TMAD 5.16; MEHRS 2.6.4' },
    `The DCO discarded the authenticated MEF at ${london(deadline)}, ${config.dcoMefDiscardHours} hours after authentication: the installation fails and is rescheduled (MEHRS 2.6.4).`,
    `The DCO discards the authenticated MEF at ${london(deadline)} (${config.dcoMefDiscardHours} hours after authentication) unless the S1SP uses it, but ${c.incidentName} is not due to be resolved until ${london(c.target)}.`,
    `The authenticated MEF is kept until ${london(deadline)}, after ${c.incidentName}'s target resolution time.`,
  );
}

const MA_EXPIRY_ASSUMPTION =
  'Assumption: no document says when an MA stops being valid; it is taken to expire at the end of its Migration Week.';

function maExpiryWindow(i: WindowInstallation, c: Check): void {
  const expiry = i.maExpiresAt ?? migrationAuthorisationExpiresAt(i.migrationWeek);
  valid(expiry, 'maExpiresAt');
  const week = `the Migration Week of ${i.migrationWeek}`;
  const assumption = i.maExpiresAt ? undefined : MA_EXPIRY_ASSUMPTION;
  checkWindow(
    c,
    {
      kind: 'ma-expiry',
      deadline: expiry,
      source: 'MEHRS 2.4.1, Appendix A.1 MA101',
      ...(assumption ? { assumption } : {}),
    },
    `The Migration Authorisation for ${week} expired at ${london(expiry)} (MA101 Authorisation Expired): the installation must be included in a Migration Authorisation for a later Migration Week.`,
    `The Migration Authorisation for ${week} expires at ${london(expiry)}, before ${c.incidentName}'s target resolution time of ${london(c.target)}: if it is not processed by then it will fail with MA101 (Authorisation Expired) and must be rescheduled.`,
    `The Migration Authorisation for ${week} stays valid until ${london(expiry)}, after ${c.incidentName}'s target resolution time.`,
  );
}

/**
 * Will the installation miss a Required File Set window (S1SP or DCO), have its MEF discarded, or have its MA expire,
 * before the open incident's target resolution time? A window that closes at exactly the target resolution time
 * counts as at risk: the backlog is only processed after resolution (MEHRS 2.4.1, 2.5.1).
 */
export function incidentWindowRisk(
  installation: WindowInstallation,
  incident: WindowIncident,
  now: Date,
  config: WindowConfig = WINDOW_DEFAULTS,
): IncidentWindowRisk {
  const c: Check = {
    nowMs: valid(now, 'now'),
    targetMs: valid(incident.targetResolutionAt, 'targetResolutionAt'),
    incidentName: incident.reference ? `incident ${incident.reference}` : 'the incident',
    target: incident.targetResolutionAt,
    findings: [],
    reasons: [],
  };
  fileSetWindows(installation, incident, c, config);
  mefWindow(installation, c, config);
  maExpiryWindow(installation, c);
  if (c.findings.length === 0) return { status: 'clear', findings: [], reasons: c.reasons };
  return {
    status: c.findings.some((f) => f.passed) ? 'missed' : 'at-risk',
    findings: c.findings,
    reasons: [...c.findings.map((f) => f.reason), ...c.reasons],
  };
}
