/**
 * Every number the migration rules use, as named configuration with the documented default.
 * Sources: seeds/002 (MEHRS v1.2), seeds/000 (MEHRS v3.0, MOC Secure), seeds/004 (MEHRS v5.0, FOC).
 * Where a later document changes a number, the later one stands for the cohorts it covers (seeds/README.md).
 * Nothing here is mutable at run time: callers pass a different config object to override a default.
 */
import type { GroupId, IncidentCategory, IncidentStatus } from './types';

/** Migration Weeks, Migrate On dates and "today" are calendar days in Great Britain (MEHRS 2.3.2, MA003–MA006). */
export const MIGRATION_TIME_ZONE = 'Europe/London';

/** MEHRS 3.1 device connectivity retries (S1SP to the Communications Hub). */
export interface DeviceConnectivityRetryConfig {
  /** MEHRS 3.1 (1): a 'short retry' is 3 attempts... */
  readonly attemptsPerShortRetry: number;
  /** MEHRS 3.1 (1): ...at five-minute intervals. */
  readonly shortRetryIntervalMinutes: number;
  /** MEHRS 3.1 (2): the short retry repeats every 2 hours... */
  readonly shortRetryRepeatHours: number;
  /** MEHRS 3.1 (2) v1.2: ...for a period up to 24 hours. */
  readonly durationHours: number;
  /** seed 000 (MEHRS v3.0, MOC Secure) 4.5.2: "a period of up to 48 hours". */
  readonly durationHoursSecure: number;
  /** The GroupIDs the MOC (Secure) period applies to: DA is the MOC Secure cohort (seed 000 4.3.2). */
  readonly secureGroupIds: readonly GroupId[];
}

/** seed 004 (MEHRS v5.0) section 3.4.1, GroupID EA: "five times with a 4 hour waiting time". */
export interface GroupEaRetryConfig {
  /** Attempts in all (our reading: five attempts in total, not an initial attempt plus five). */
  readonly attempts: number;
  /** Wait between one attempt and the next, and after the last before timing out. */
  readonly waitHours: number;
}

/** MEHRS 3.2 SIM swap retries for GroupID CB (Requesting Party amends the SIM to the DCC APN). */
export interface SimSwapRetryConfig {
  /** MEHRS 3.2 (1): "[3] times". */
  readonly attempts: number;
  /** MEHRS 3.2: "The configurable interval ... will be initially set to 60 minutes". */
  readonly intervalMinutes: number;
  /** MEHRS 3.2: "The total duration ... will be initially set to 5 hours". */
  readonly maxDurationHours: number;
}

export interface RetryConfig {
  readonly deviceConnectivity: DeviceConnectivityRetryConfig;
  readonly groupEa: GroupEaRetryConfig;
  readonly simSwapCb: SimSwapRetryConfig;
}

export const RETRY_DEFAULTS: RetryConfig = {
  deviceConnectivity: {
    attemptsPerShortRetry: 3, // MEHRS 3.1 (1)
    shortRetryIntervalMinutes: 5, // MEHRS 3.1 (1)
    shortRetryRepeatHours: 2, // MEHRS 3.1 (2)
    durationHours: 24, // MEHRS 3.1 (2), v1.2
    durationHoursSecure: 48, // seed 000 4.5.2 (MEHRS v3.0, MOC Secure)
    secureGroupIds: ['DA'], // seed 000 4.3.2: GroupID DA is MOC Secure
  },
  groupEa: {
    attempts: 5, // seed 004 section 5: "five times"
    waitHours: 4, // seed 004 section 5: "with a 4 hour waiting time"
  },
  simSwapCb: {
    attempts: 3, // MEHRS 3.2 (1)
    intervalMinutes: 60, // MEHRS 3.2
    maxDurationHours: 5, // MEHRS 3.2
  },
};

export interface WindowConfig {
  /** TMAD 5.24 (S1SP) and 5.18 (DCO), cited in MEHRS 2.5.1–2.5.10: Required File Set within 24 h of the MCVF. */
  readonly requiredFileSetHours: number;
  /** TMAD 5.16, cited in MEHRS 2.6.4: the DCO discards an authenticated MEF unused after 48 h. */
  readonly dcoMefDiscardHours: number;
  /** MEHRS 2.5.3 (b) and Appendix A.1 MA112: no WAN comms with the installation in the last 7 days. */
  readonly wanCommsCheckDays: number;
}

export const WINDOW_DEFAULTS: WindowConfig = {
  requiredFileSetHours: 24, // TMAD 5.24 / 5.18 via MEHRS 2.5.1
  dcoMefDiscardHours: 48, // TMAD 5.16 via MEHRS 2.6.4
  wanCommsCheckDays: 7, // MEHRS 2.5.3 (b), MA112, TMAD check 5.12(c)
};

/** Incident Target Resolution Time in hours of running clock, per Incident Category 1 (most severe) to 5. */
export type IncidentTargetTable = Readonly<Record<IncidentCategory, number>>;

export interface IncidentTargetConfig {
  /** Migration incidents (MEHRS 2.4–2.7): "the Incident Target Resolution Time described in the TMAD". */
  readonly migration: IncidentTargetTable;
  /** SharePoint incidents (MEHRS 2.1.1, 2.1.2): "the standard Incident Target Resolution Time ... Incident Management Policy". */
  readonly standard: IncidentTargetTable;
  /**
   * Whether each table has been confirmed against its source. While false the target is provisional: pages say
   * "target to be confirmed" and a clock past it is not called breached (D16: no seed gives a number).
   */
  readonly confirmed: { readonly migration: boolean; readonly standard: boolean };
  /**
   * ASSUMPTION (the seeds give no clock rules, D17): the statuses during which the ITRT clock runs. Everything
   * else ('paused', 'resolved', 'closed') stops it; a reopened incident runs again.
   */
  readonly runningStatuses: readonly IncidentStatus[];
  /** ASSUMPTION (D17): after a re-categorisation the target is the current category's, with all time run kept. */
  readonly targetFollowsCurrentCategory: true;
}

/**
 * TO BE CONFIRMED against the TMAD and the Incident Management Policy (SEC Appendix AG): the seeds name the ITRTs but
 * give no numbers. These defaults are Incident-Management-Policy-like placeholders (4 h, 8 h, 24 h, 3 days, 5 days,
 * as elapsed hours); the two tables are kept separate so either can be changed without touching the other, and are
 * equal until someone confirms a difference.
 */
export const INCIDENT_TARGET_DEFAULTS: IncidentTargetConfig = {
  migration: { 1: 4, 2: 8, 3: 24, 4: 72, 5: 120 }, // to be confirmed against the TMAD
  standard: { 1: 4, 2: 8, 3: 24, 4: 72, 5: 120 }, // to be confirmed against the Incident Management Policy
  confirmed: { migration: false, standard: false }, // ASSUMPTION placeholders: provisional until confirmed
  runningStatuses: ['open', 'assigned', 'in-progress'], // ASSUMPTION: the seeds give no pause rules
  targetFollowsCurrentCategory: true, // ASSUMPTION: the seeds do not cover re-categorisation
};

export interface TriageConfig {
  /**
   * ASSUMPTION, not a documented number: MEHRS 4.1/4.2 weigh "the number of times Migration has been attempted" but
   * give no limit. From this many attempts, an installation-side failure that the SMSO cannot be expected to fix is
   * advised for exclusion (replacement with a SMETS2+ meter considered). It is weighed with the failure reason, never
   * applied first: DCC-side failures, a meter that became Active and pending SMSO actions are looked at before it.
   */
  readonly exclusionReviewAttempts: number;
  /**
   * Failure codes (reason codes, error codes or FailedStepNumbers) whose fix needs the SMETS1 SMSO (MEHRS 4.1/4.2
   * "the actions that may be taken by the SMETS1 SMSO"): MA111 configuration vs pre-migration requirements, MA112 no
   * WAN comms in 7 days, MA113 MVF failure (2.4.5: review with the SMSO), MA114 being configured by the SMSO, MA118
   * CSP move failed, MA119 hub configuration failed, MA120 APN switch failed (3.2), MA521/MA523 MOC Secure
   * pre-migration checks (seed 000 4.3.2), 12.9.1.ET01 device connectivity timeout (2.6.2: liaise with the SMSO).
   * Our reading: no seed lists which codes need the SMSO.
   */
  readonly smsoFixCodes: readonly string[];
  /**
   * MA121: the SMSO could not reach the installation after rollback. MEHRS 2.6.5: the S1SP "will take reasonable
   * steps to restore WAN communications" and the SMSO is asked whether the installation "may" need replacing, so it
   * is a question for the SMSO first, and a replacement only once the attempts say so.
   */
  readonly replaceCodes: readonly string[];
  /** MA012/MA107: a DCC (dormant) MA for an installation that now has an Active meter (Appendix A.1). */
  readonly nowActiveCodes: readonly string[];
  /**
   * Failures caused on the DCC side, not by the installation: MA101 the MA expired while the DCC held it (MEHRS 2.4.x,
   * 2.5.x outages), MA108 the DCC's own MA left out the MPRN (the MA013 check, made later), MA116 no MVF within the
   * processing day (2.4.2-2.4.4), and FailedStepNumbers 5.24 / 5.18 (the Required File Set missed its 24-hour window,
   * TMAD 5.24 / 5.18). They never lead to exclusion, whatever the attempts (our reading of MEHRS 4 "failure reason").
   */
  readonly dccSideCodes: readonly string[];
  /**
   * ASSUMPTION: how many installations the MCC schedules into one Migration Week by triage before the week picker
   * warns that the week is full. The seeds give no number; DCC's weekly commitment (Report 8) is per supplier MA,
   * not for DCC MAs. The default is a placeholder to be confirmed with the MCC.
   */
  readonly weeklyCapacity: number;
  /** How many Migration Weeks from the earliest eligible one the week picker offers. */
  readonly weeksOffered: number;
}

export const TRIAGE_DEFAULTS: TriageConfig = {
  exclusionReviewAttempts: 5, // assumption: MEHRS 4 gives no number
  smsoFixCodes: [
    'MA111',
    'MA112',
    'MA113',
    'MA114',
    'MA118',
    'MA119',
    'MA120',
    'MA521',
    'MA523',
    '12.9.1.ET01',
  ],
  replaceCodes: ['MA121'],
  nowActiveCodes: ['MA012', 'MA107'],
  dccSideCodes: ['MA101', 'MA108', 'MA116', '5.24', '5.18'],
  weeklyCapacity: 2_000, // assumption
  weeksOffered: 8,
};

/** The split-supply calendar (MAM, MEHRS v5.0 conclusions): the MCC designates a week; both suppliers submit in it. */
export interface SplitSupplyConfig {
  /**
   * ASSUMPTION (the documents give no cut-off): both suppliers' Migration Authorisations for a designated week are
   * due by 00:00 Europe/London this many calendar days before the week's Monday (2: by the start of the Saturday
   * before), so the MCC can see a missing one before the week starts. MCC policy default, to be confirmed.
   */
  readonly submissionCutOffDaysBefore: number;
  /** ASSUMPTION: how many Migration Weeks ahead the MCC designates (the MAM says only "on a regular basis"). */
  readonly planningHorizonWeeks: number;
}

export const SPLIT_SUPPLY_DEFAULTS: SplitSupplyConfig = {
  submissionCutOffDaysBefore: 2, // assumption: no document gives a cut-off
  planningHorizonWeeks: 12, // assumption: no document gives a horizon
};

// ---------------------------------------------------------------------------------------------------------
// Demand against commitment (MEHRS 2.2.1, Report 8)
// ---------------------------------------------------------------------------------------------------------

export interface DemandConfig {
  /** MEHRS 2.2.1: Report 8 covers "the previous four Migration Weeks". */
  readonly report8Weeks: number;
  /** Assumption (no document gives it): the trend shows half a year of Migration Weeks. */
  readonly trendWeeks: number;
  /** Assumption (no document gives it): the planned volume looks this many Migration Weeks ahead, this one included. */
  readonly plannedWeeksAhead: number;
}

export const DEMAND_DEFAULTS: DemandConfig = {
  report8Weeks: 4, // MEHRS 2.2.1
  trendWeeks: 26, // assumption
  plannedWeeksAhead: 5, // assumption
};

/**
 * ASSUMPTION (D14): no document says when a Migration Authorisation stops being valid (MEHRS 2.4.1, 2.4.4, 2.5.x
 * say only "if the MA is still valid"; MA101 "Authorisation Expired"). Read as: at the end of its Migration Week
 * (00:00 Europe/London the following Monday), the week MA004 checks. Risk findings that rest on it say so.
 */
export interface MaValidityConfig {
  readonly expiry: 'end-of-migration-week';
  readonly assumption: true;
}

export const MA_VALIDITY_DEFAULTS: MaValidityConfig = {
  expiry: 'end-of-migration-week', // ASSUMPTION: to be confirmed against the MAM
  assumption: true,
};
