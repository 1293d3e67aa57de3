/**
 * The numbers that shape the demo data (db/seed/generate.ts): volumes, mixes, failure rates, code weights, delays.
 * They are the demo's assumptions, not document figures; the documents' own numbers live in lib/rules/config.ts.
 */
import type { GroupId, IncidentCategory, InstallationType, StageId } from '@/lib/rules/types';

export const DEFAULT_CHUNK_SIZE = 20_000;

/** Migration Weeks of history before the current one (the brief asks for 26 or more). */
export const HISTORY_WEEKS = 30;
/** Migration Weeks after the current one that already have demand or authorisations. */
export const FUTURE_WEEKS = 4;

/** GroupID mix: AA/BA/CB early cohorts ~26% together, DA (MOC Secure) ~32%, EA (FOC) ~42%. */
export const GROUP_SHARES: Readonly<Record<GroupId, number>> = {
  AA: 0.08,
  BA: 0.09,
  CB: 0.09,
  DA: 0.32,
  EA: 0.42,
};
/** How many weeks before the current one each cohort started (IOC cohorts first, MOC Secure DA, then FOC EA). */
export const GROUP_START_WEEKS_AGO: Readonly<Record<GroupId, number>> = {
  AA: 30,
  BA: 29,
  CB: 27,
  DA: 22,
  EA: 14,
};
/** A cohort's weekly volume ramps up linearly from RAMP_UP_FLOOR to full over its first RAMP_UP_WEEKS weeks. */
export const RAMP_UP_WEEKS = 6;
export const RAMP_UP_FLOOR = 0.3;
/** Week-to-week volume noise (uniform ± this share), the same for every cohort (DCC capacity varies by week). */
export const WEEKLY_VOLUME_NOISE = 0.15;
/** Share of a future week's installations already planned, by weeks ahead (1, 2, 3, 4). */
export const FUTURE_WEEK_PLANNED: readonly number[] = [0.95, 0.85, 0.6, 0.35];

export const INSTALLATION_TYPE_SHARES: Readonly<Record<InstallationType, number>> = {
  'active-only': 0.85,
  'active-dormant': 0.09,
  'dormant-dormant': 0.06,
};
export type Fuel = 'dual' | 'electricity' | 'gas';
/** Fuel mix of active-only installations: mostly dual fuel, some electricity-only, few gas-only. */
export const ACTIVE_FUEL_SHARES: Readonly<Record<Fuel, number>> = { dual: 0.76, electricity: 0.2, gas: 0.04 };
/** Fuel mix of dormant/dormant installations (active/dormant is dual fuel by definition). */
export const DORMANT_FUEL_SHARES: Readonly<Record<Fuel, number>> = {
  dual: 0.8,
  electricity: 0.17,
  gas: 0.03,
};
/** In an active/dormant installation, the share where the electricity meter is the active one. */
export const ACTIVE_DORMANT_ELECTRICITY_ACTIVE = 0.7;
/** Split supply: electricity and gas active with two different suppliers (MAM, seed 004), of all installations. */
export const SPLIT_SUPPLY_SHARE = 0.04;
export const PRIORITY_SHARE = 0.02;

/** Migrate On weekday weights, Monday to Sunday. */
export const MIGRATE_ON_WEEKDAY_WEIGHTS: readonly number[] = [22, 22, 21, 20, 13, 2, 0];

/** Chance an attempt fails, by GroupID (CB loses SIM swaps, DA fails its Secure pre-migration checks). */
export const ATTEMPT_FAILURE_RATE: Readonly<Record<GroupId, number>> = {
  AA: 0.19,
  BA: 0.18,
  CB: 0.25,
  DA: 0.23,
  EA: 0.2,
};
/** Re-attempts fail more often (the cause is often not fixed); dormant meters have nobody fixing their data. */
export const REATTEMPT_FAILURE_FACTOR = 1.3;
export const DORMANT_FAILURE_FACTOR = 1.35;

export type FailStage = Exclude<StageId, 'demand' | 'migrated'>;
export const FAIL_STAGES: readonly FailStage[] = [
  'authorisation',
  'common-file',
  'sim-cutover',
  'device-validation',
  'commissioning',
];
/** Where failed attempts fail. */
export const FAILURE_STAGE_WEIGHTS: Readonly<Record<FailStage, number>> = {
  authorisation: 10,
  'common-file': 16,
  'sim-cutover': 26,
  'device-validation': 38,
  commissioning: 10,
};
/** Cohort-specific failure patterns: CB SIM swaps (MEHRS 3.2), DA Secure checks (seed 000), EA retries (seed 004). */
export const GROUP_FAILURE_STAGE_FACTORS: Readonly<
  Partial<Record<GroupId, Partial<Record<FailStage, number>>>>
> = {
  CB: { 'sim-cutover': 1.9 },
  DA: { 'sim-cutover': 1.6 },
  EA: { 'device-validation': 1.2 },
};

/**
 * Relative weights of the common codes within their stage; every other catalogue code at the stage gets
 * TAIL_CODE_WEIGHT, so the mix is a few common codes and a long tail.
 */
export const CODE_WEIGHTS: Readonly<Record<string, number>> = {
  // MEHRS 2.3.2 initial validation
  MA007: 25,
  MA008: 12,
  MA010: 10,
  MA011: 8,
  MA004: 8,
  MA006: 7,
  MA009: 6,
  MA012: 6,
  MA017: 5,
  MA001: 4,
  MA002: 3,
  // MEHRS 2.4 common file
  MA113: 30,
  MA101: 6,
  MA104: 12,
  MA105: 6,
  MA106: 40,
  MA117: 5,
  MA107: 6,
  // MEHRS 2.5 SIM cutover
  MA112: 25,
  MA111: 12,
  MA114: 8,
  MA118: 10,
  MA119: 10,
  MA120: 90,
  MA521: 30,
  MA523: 40,
  // MEHRS 2.6 device validation
  '12.9.1.ET01': 50,
  MA115: 20,
  MA121: 10,
  '12.9.5.DP01': 7,
  // MEHRS 2.7 commissioning
  C4: 10,
  S1C4: 8,
  C5: 6,
  E100: 4,
  S1C5: 4,
};
export const TAIL_CODE_WEIGHT = 1;
/** MA999 "Other Failure" (Appendix A.1) belongs to no stage: rare, anywhere. */
export const OTHER_FAILURE_WEIGHT = 0.4;
/** Codes that only occur in some GroupIDs: MA120 is the CB SIM swap (MEHRS 3.2); MA521/MA523 MOC Secure (seed 000). */
export const CODE_GROUPS: Readonly<Record<string, readonly GroupId[]>> = {
  MA120: ['CB'],
  MA521: ['DA'],
  MA523: ['DA'],
};
/** Codes tied to one SMSO's kit: MA118 "Vodafone CSP move failed", MA119 "(Honeywell Only)" (Appendix A.1). */
export const CODE_SMSOS: Readonly<Record<string, readonly string[]>> = {
  MA118: ['calder-smart-networks', 'larchfield-data-services'],
  MA119: ['meridian-metering'],
};
/** Share of rejected MAs that fail a second MA0xx check too (MEHRS 2.3.2: every failing code is returned). */
export const SECOND_VALIDATION_CODE_SHARE = 0.15;
/**
 * Failures that end with the installation rolled back to its SMSO, by rule rather than chance: MA121 is reported
 * after a rollback whose WAN restore failed (MEHRS 2.6.5); a CHF left uncommissioned while its incident stays
 * unresolved is rolled back under the GroupID's TMAD rules (MEHRS 2.6.6). Every other failure leaves the installation
 * failed (a connectivity timeout returns the SIM profile to the SMSO, MEHRS 3.1, without a rollback).
 */
export const ROLLED_BACK_CODES: readonly string[] = ['MA121', '12.9.5.DP01'];
/**
 * FailedStepNumbers (TMAD-style, Report 2) for the codes whose failure is found in a file that carries one:
 * the MCVF (5.10, MEHRS 2.4.5), the Requesting Party's checks (5.12, 2.5.3; 5.12.(c) the 7-day check, 2.5.5),
 * the SCF (12.9.x, 2.6.2–2.6.6; 5.16 MEF discarded, 2.6.4) and the COF (6.3, 2.7.5/2.7.7). Codes found elsewhere
 * (MA re-checks when the MCF is built, the MA Completion Response) carry none.
 */
export const FAILED_STEPS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  MA113: [
    ['5.10.(a)', 6],
    ['5.10.(b)', 10],
    ['5.10.(c)', 4],
    ['5.10.(d)', 3],
    ['5.10.(e)', 2],
    ['5.10.(f)', 1],
  ],
  MA111: [['5.12', 1]],
  MA114: [['5.12', 1]],
  MA118: [['5.12', 1]],
  MA119: [['5.12', 1]],
  MA521: [['5.12', 1]],
  MA112: [['5.12.(c)', 1]],
  MA523: [['5.12.(c)', 1]],
  '12.9.1.ET01': [['12.9.1', 1]],
  '12.9.5.DP01': [['12.9.5', 1]],
  MA115: [
    ['12.9.2', 5],
    ['12.9.3', 4],
    ['12.9.4', 2],
    ['5.16', 3],
  ],
};
/** Commissioning failures carry a TMAD Table 6.3 step in the Commissioning Outcome File (MEHRS 2.7.5, 2.7.7). */
export const COMMISSIONING_FAILED_STEPS: readonly (readonly [string, number])[] = [
  ['6.3.1', 3],
  ['6.3.2', 5],
  ['6.3.4', 2],
];

/** Share of failed active installations their supplier reschedules (the rest wait, or are replaced by SMETS2+). */
export const SUPPLIER_RESCHEDULE_RATE = 0.72;
/** Weeks between a failure and the rescheduled attempt. */
export const RESCHEDULE_GAP_WEEKS: readonly (readonly [number, number])[] = [
  [2, 35],
  [3, 30],
  [4, 20],
  [5, 10],
  [6, 5],
];
export const MAX_ATTEMPTS = 6;
/** MEHRS 4: the MCC triages failed dormant installations; days from the failure to its decision. */
export const TRIAGE_DELAY_DAYS: readonly [number, number] = [1, 14];
/** Share of failed dormant installations still in the MCC's triage backlog, however old the failure. */
export const TRIAGE_BACKLOG_SHARE = 0.3;
/** Share of triaged installations whose failure needed the SMSO, where the SMSO action is still pending. */
export const SMSO_ACTION_PENDING_SHARE = 0.35;

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** MAs arrive this many days before their Migration Week (MA006: the Migrate On date must be in the future). */
export const MA_LEAD_DAYS: readonly [number, number] = [2, 12];
/** MAs are sent in business hours (hours of the day). */
export const MA_SENT_HOURS: readonly [number, number] = [8, 18];
/** The second MA of an installation (split supply, or the DCC's for a dormant meter) follows within minutes. */
export const SECOND_MA_LAG_MINUTES = 180;
/** A supplier re-authorises a failed installation no sooner than this many hours after the failure. */
export const RESCHEDULE_DELAY_HOURS: readonly [number, number] = [1, 72];
/** The supplier's demand (forecast) names the installation this many days before its MA. */
export const DEMAND_LEAD_DAYS: readonly [number, number] = [5, 21];
/**
 * Minutes between the steps of an attempt. The Migration Common File goes out from the evening before the Migrate
 * On day (minutes from its 00:00, London) and each later stage starts some hours after the previous one, so a
 * Migrate On day's installations are spread over every stage during the following ~48 hours.
 */
export const STEP_MINUTES = {
  commonFile: [-360, 480],
  simCutover: [60, 480],
  deviceValidation: [60, 480],
  commissioning: [60, 600],
  migrated: [60, 1200],
  validationResponse: [10, 240],
  failure: [30, 480],
} as const satisfies Record<string, readonly [number, number]>;

/** Report 8 (MEHRS 2.2.1): each supplier's authorisations against DCC's commitment, by demand bias. */
export type DemandBias = 'under' | 'on' | 'over';
export const DEMAND_BIAS_RANGES: Readonly<Record<DemandBias, readonly [number, number]>> = {
  under: [0.72, 0.9],
  on: [0.95, 1.03],
  over: [1.05, 1.2],
};
/** DCC commits to this share of the supplier's forecast (Migration Scaling Methodology caps demand). */
export const COMMITMENT_OF_FORECAST: readonly [number, number] = [0.9, 1.0];
export const FORECAST_NOISE = 0.08;
/** DCC's weekly capacity as a share of the recent run rate of MAs (demo assumption; no document gives one). */
export const CAPACITY_OF_RUN_RATE: readonly [number, number] = [0.85, 1.15];

export const INCIDENTS_PER_SCENARIO = 2;
/** Extra open incidents spread over the incident scenarios, so every owning party has live work. */
export const EXTRA_OPEN_INCIDENTS = 10;
export const INCIDENT_INSTALLATIONS: readonly [number, number] = [3, 8];
export const INCIDENT_CATEGORY_WEIGHTS: Readonly<Record<IncidentCategory, number>> = {
  1: 2,
  2: 8,
  3: 30,
  4: 40,
  5: 20,
};
/** Share of open incidents their owner has not yet acknowledged (still 'open'). */
export const UNACKNOWLEDGED_OPEN_SHARE = 0.3;
/** Share of a scenario's first incident (and of GroupID-variant incidents) still open at `now`. */
export const OPEN_INCIDENT_SHARE = 0.35;
/** Open incidents were raised within this many hours of `now`; resolved ones at least this many days before. */
export const OPEN_INCIDENT_AGE_HOURS: readonly [number, number] = [1, 7 * 24];
export const RESOLVED_INCIDENT_MIN_AGE_DAYS = 3;
/** Share of incidents whose category is raised once (escalated) during their life. */
export const INCIDENT_ESCALATION_SHARE = 0.15;
export const INCIDENT_PAUSE_HOURS: readonly [number, number] = [1, 24];
/** A resolved incident is closed this many days later. */
export const INCIDENT_CLOSE_DAYS: readonly [number, number] = [1, 3];
/** Share of incidents paused once (clock stopped while waiting on another party). */
export const INCIDENT_PAUSE_SHARE = 0.3;
/** Resolution time as a multiple of the ITRT: most inside the target, some breaching it. */
export const INCIDENT_RESOLUTION_OF_TARGET: readonly [number, number] = [0.25, 1.5];
/** Installations kept per (stage, GroupID, outcome) to attach to incidents. */
/**
 * Assumption (no document gives it): failures that raise an Incident of the same scenario (and GroupID variant)
 * within this many hours are one Incident, raised at the first of them.
 */
export const INCIDENT_GROUPING_HOURS = 24;
/** Resolution of a failure-raised Incident: at least this long after its last failure. */
export const INCIDENT_RESOLVED_AFTER_LAST_FAILURE_HOURS: readonly [number, number] = [1, 12];
