/**
 * Deterministic demo data for the Migration Control Centre: pure generation, no I/O.
 *
 * Every installation is generated from its own PRNG stream (seed, id), so its rows depend only on the seed, its id
 * and `now`: never on chunk size or on the other installations. Installations come out in chunks (a generator) so
 * memory stays bounded at 10,000,000 of them; the small tables that summarise them (weekly demand, incidents) are
 * built afterwards from bounded counters and samples collected on the way.
 *
 * Codes are never invented: every code written comes from lib/rules/codes.ts at a stage where the catalogue says it
 * occurs (MA999 "Other Failure" has no stage and may occur at any). Rule for the installation's own columns:
 * `last_code` and `last_failed_step` describe the failure of its current attempt, so they are set only while its
 * status is failed or rolled-back; earlier failures stay in installation_events.
 *
 * Timestamps in the rows are epoch milliseconds; dates are IsoDate strings ('YYYY-MM-DD', Europe/London days).
 */
import { ERROR_CODES, isFailedStepNumber, REASON_CODES, tmadStepReference } from '@/lib/rules/codes';
import { RETRY_DEFAULTS, TRIAGE_DEFAULTS, WINDOW_DEFAULTS } from '@/lib/rules/config';
import { incidentTargetMs } from '@/lib/rules/incident-targets';
import { deviceConnectivityAttempts, simSwapAttempts } from '@/lib/rules/retries';
import { SCENARIOS, type Scenario, scenario as scenarioOf } from '@/lib/rules/scenarios';
import { dormantTriageAdvice, type TriageDecision } from '@/lib/rules/triage';
import {
  GROUP_IDS,
  type GroupId,
  type IncidentCategory,
  type IncidentStatus,
  type InstallationStatus,
  type InstallationType,
  type MeterState,
  type PartyRole,
  type StageId,
} from '@/lib/rules/types';
import {
  addCalendarDays,
  addMigrationWeeks,
  type IsoDate,
  londonStartOfDay,
  migrationWeekOf,
  migrationWeekStart,
} from '@/lib/rules/weeks';
import { mix32, Random, type WeightedTable, weightedTable } from './random';

// ---------------------------------------------------------------------------------------------------------
// The numbers that shape the data.
// ---------------------------------------------------------------------------------------------------------

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
type Fuel = 'dual' | 'electricity' | 'gas';
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

type FailStage = Exclude<StageId, 'demand' | 'migrated'>;
const FAIL_STAGES: readonly FailStage[] = [
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
  MA018: 5,
  MA012: 6,
  MA017: 5,
  MA001: 4,
  MA002: 3,
  // MEHRS 2.4 common file
  MA113: 30,
  MA101: 12,
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
/** Share of failures with the code that end in rollback to the SMSO (MEHRS 2.6.5, 2.6.6, 3.1). */
export const ROLLBACK_SHARE: Readonly<Record<string, number>> = {
  MA121: 1,
  '12.9.5.DP01': 0.5,
  '12.9.1.ET01': 0.15,
};
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

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
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
type DemandBias = 'under' | 'on' | 'over';
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
export const INCIDENT_SAMPLE_SIZE = 48;

// ---------------------------------------------------------------------------------------------------------
// Parties
// ---------------------------------------------------------------------------------------------------------

interface SupplierSpec {
  readonly slug: string;
  readonly name: string;
  readonly secPartyId: string;
  /** Share of the installations' active meters (percent, normalised). */
  readonly share: number;
  readonly bias: DemandBias;
}

/** Fictional suppliers: four big-six-like, a middle tier and a long tail under 1%. */
export const SUPPLIERS: readonly SupplierSpec[] = [
  { slug: 'brightwater', name: 'Brightwater Energy', secPartyId: 'BRTW', share: 19, bias: 'on' },
  { slug: 'northvale', name: 'Northvale Power', secPartyId: 'NVLP', share: 17, bias: 'under' },
  { slug: 'albion', name: 'Albion Gas & Electric', secPartyId: 'ALBN', share: 15, bias: 'over' },
  { slug: 'crownfield', name: 'Crownfield Energy', secPartyId: 'CRWN', share: 14, bias: 'on' },
  { slug: 'meadowlark', name: 'Meadowlark Energy', secPartyId: 'MDWL', share: 8, bias: 'under' },
  { slug: 'harbourline', name: 'Harbourline Utilities', secPartyId: 'HRBL', share: 6, bias: 'on' },
  { slug: 'kestrel', name: 'Kestrel Power', secPartyId: 'KSTR', share: 5, bias: 'over' },
  { slug: 'ember-oak', name: 'Ember & Oak Energy', secPartyId: 'EMBO', share: 4, bias: 'under' },
  { slug: 'tidewell', name: 'Tidewell Energy', secPartyId: 'TDWL', share: 3, bias: 'on' },
  { slug: 'greenhollow', name: 'Greenhollow Power', secPartyId: 'GRNH', share: 2.5, bias: 'under' },
  { slug: 'pennine', name: 'Pennine Supply Co', secPartyId: 'PNNE', share: 2, bias: 'over' },
  { slug: 'solent', name: 'Solent Energy', secPartyId: 'SLNT', share: 1.5, bias: 'on' },
  { slug: 'fernbrook', name: 'Fernbrook Energy', secPartyId: 'FRNB', share: 1.2, bias: 'under' },
  { slug: 'cobalt', name: 'Cobalt Home Energy', secPartyId: 'CBLT', share: 0.6, bias: 'over' },
  { slug: 'wrenfield', name: 'Wrenfield Power', secPartyId: 'WRNF', share: 0.5, bias: 'on' },
  { slug: 'ashdown', name: 'Ashdown Energy', secPartyId: 'ASHD', share: 0.4, bias: 'under' },
  { slug: 'lanterne', name: 'Lanterne Energy', secPartyId: 'LNTN', share: 0.3, bias: 'on' },
  { slug: 'quayside', name: 'Quayside Power', secPartyId: 'QYSD', share: 0.25, bias: 'over' },
  { slug: 'thistle', name: 'Thistle Energy', secPartyId: 'THSL', share: 0.2, bias: 'under' },
  { slug: 'bramble', name: 'Bramble Power', secPartyId: 'BRMB', share: 0.15, bias: 'on' },
];

/** One party of each DCC service role (DOMAIN.md "Parties"). */
const SERVICE_PARTIES: readonly { slug: string; name: string; role: PartyRole }[] = [
  { slug: 'mcc', name: 'Migration Control Centre', role: 'mcc' },
  { slug: 'dcc', name: 'Data Communications Company', role: 'dcc' },
  { slug: 'requesting-party', name: 'Requesting Party', role: 'rp' },
  { slug: 's1sp', name: 'SMETS1 Service Provider', role: 's1sp' },
  { slug: 'dco', name: 'Dual Control Organisation', role: 'dco' },
  { slug: 'dsp', name: 'Data Service Provider', role: 'dsp' },
  { slug: 'cp', name: 'Commissioning Party', role: 'cp' },
];

const CSPS: readonly { slug: string; name: string }[] = [
  { slug: 'aerwave', name: 'Aerwave Communications' },
  { slug: 'pennant-mobile', name: 'Pennant Mobile Networks' },
  { slug: 'skylink', name: 'Skylink Networks' },
];

/** Fictional SMETS1 SMSOs, each serving one or more GroupIDs through its CSP. */
const SMSOS: readonly { slug: string; name: string; groups: readonly GroupId[]; csp: string }[] = [
  { slug: 'meridian-metering', name: 'Meridian Metering Services', groups: ['AA', 'BA'], csp: 'aerwave' },
  { slug: 'calder-smart-networks', name: 'Calder Smart Networks', groups: ['CB'], csp: 'pennant-mobile' },
  { slug: 'keystone-metering', name: 'Keystone Metering', groups: ['DA'], csp: 'aerwave' },
  {
    slug: 'larchfield-data-services',
    name: 'Larchfield Data Services',
    groups: ['EA'],
    csp: 'pennant-mobile',
  },
  {
    slug: 'thornbury-meter-operations',
    name: 'Thornbury Meter Operations',
    groups: ['BA', 'EA'],
    csp: 'skylink',
  },
];

export interface PartyRow {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly role: PartyRole;
  readonly secPartyId: string | null;
}

export interface SupplierParty extends PartyRow {
  readonly share: number;
  readonly bias: DemandBias;
}

export interface SmsoParty extends PartyRow {
  readonly groups: readonly GroupId[];
  readonly cspId: number;
}

export interface PartyDirectory {
  readonly rows: readonly PartyRow[];
  readonly suppliers: readonly SupplierParty[];
  readonly smsos: readonly SmsoParty[];
  /** The one party of a DCC service role. */
  readonly service: Readonly<Record<Exclude<PartyRole, 'supplier' | 'smso' | 'csp'>, PartyRow>>;
}

/** Parties with fixed ids 1..n (suppliers first), so user rows and tests can refer to them. */
export function buildParties(): PartyDirectory {
  const rows: PartyRow[] = [];
  const add = <T extends PartyRow>(row: T): T => {
    rows.push(row);
    return row;
  };
  const suppliers = SUPPLIERS.map((s) =>
    add({
      id: rows.length + 1,
      slug: s.slug,
      name: s.name,
      role: 'supplier',
      secPartyId: s.secPartyId,
      share: s.share,
      bias: s.bias,
    }),
  );
  const service = Object.fromEntries(
    SERVICE_PARTIES.map((p) => [
      p.role,
      add({ id: rows.length + 1, slug: p.slug, name: p.name, role: p.role, secPartyId: null }),
    ]),
  ) as unknown as PartyDirectory['service'];
  const cspIds = new Map(
    CSPS.map((c) => [
      c.slug,
      add({ id: rows.length + 1, slug: c.slug, name: c.name, role: 'csp', secPartyId: null }).id,
    ]),
  );
  const smsos = SMSOS.map((s) =>
    add({
      id: rows.length + 1,
      slug: s.slug,
      name: s.name,
      role: 'smso',
      secPartyId: null,
      groups: s.groups,
      cspId: cspIds.get(s.csp) ?? 0,
    }),
  );
  return { rows, suppliers, smsos, service };
}

// ---------------------------------------------------------------------------------------------------------
// The code catalogue, as the generator uses it (checked against lib/rules at load: codes are never invented).
// ---------------------------------------------------------------------------------------------------------

interface CatalogueCode {
  readonly code: string;
  /** null: MA999, any stage. */
  readonly stage: StageId | null;
  readonly dormantOnly: boolean;
  /** The MEHRS section the catalogue files the code under. */
  readonly section: string;
}

const CATALOGUE: readonly CatalogueCode[] = [
  ...REASON_CODES.map((c) => ({
    code: c.code,
    stage: c.stage,
    dormantOnly: c.dormantOnly,
    section: c.section,
  })),
  ...ERROR_CODES.map((c) => ({ code: c.code, stage: c.stage, dormantOnly: false, section: c.section })),
];
const CATALOGUE_BY_CODE = new Map(CATALOGUE.map((c) => [c.code, c]));

function requireCatalogueCode(code: string, where: string): CatalogueCode {
  const entry = CATALOGUE_BY_CODE.get(code);
  if (!entry) throw new Error(`${where}: ${code} is not in the lib/rules code catalogue`);
  return entry;
}

/** The shape constants above must only name catalogue codes, with steps of their own stage. */
function checkShapeConstants(): void {
  for (const code of [
    ...Object.keys(CODE_WEIGHTS),
    ...Object.keys(CODE_GROUPS),
    ...Object.keys(CODE_SMSOS),
    ...Object.keys(ROLLBACK_SHARE),
  ]) {
    requireCatalogueCode(code, 'seed constants');
  }
  const checkStep = (step: string, stage: StageId | null, code: string) => {
    const ref = isFailedStepNumber(step) ? tmadStepReference(step) : undefined;
    if (!ref || ref.stage !== stage)
      throw new Error(`FailedStepNumber ${step} does not belong to ${code}'s stage`);
  };
  for (const [code, steps] of Object.entries(FAILED_STEPS)) {
    const entry = requireCatalogueCode(code, 'FAILED_STEPS');
    for (const [step] of steps) checkStep(step, entry.stage, code);
  }
  for (const [step] of COMMISSIONING_FAILED_STEPS) checkStep(step, 'commissioning', 'commissioning codes');
  for (const smsos of Object.values(CODE_SMSOS)) {
    for (const slug of smsos) {
      if (!SMSOS.some((s) => s.slug === slug)) throw new Error(`CODE_SMSOS names an unknown SMSO ${slug}`);
    }
  }
}
checkShapeConstants();

const scenarioSections = new Map<string, string | null>();

/** The scenario section a failure falls under (MEHRS section 2), or null when the code belongs to none (MA999). */
function scenarioSection(code: string, failedStep: string | null): string | null {
  const key = `${code}|${failedStep ?? ''}`;
  let found = scenarioSections.get(key);
  if (found === undefined) {
    // MA115 covers several SCF failures; its FailedStepNumber says which (5.16 is the MEF discard of 2.6.4).
    const section =
      code === 'MA115' && failedStep
        ? (tmadStepReference(failedStep)?.section ?? null)
        : (CATALOGUE_BY_CODE.get(code)?.section ?? null);
    found = section && scenarioOf(section) ? section : null;
    scenarioSections.set(key, found);
  }
  return found;
}

/** What the code tables need to know about an installation to pick only codes that can happen to it. */
interface CodeProfile {
  readonly groupId: GroupId;
  readonly smsoSlug: string;
  readonly hasElectricity: boolean;
  readonly hasGas: boolean;
  readonly electricityActive: boolean;
  readonly gasActive: boolean;
  readonly type: InstallationType;
  readonly split: boolean;
  /** The Commissioning Party commissions it (dormant meter or split supply): only then the 2.7 codes apply. */
  readonly commissionedByCp: boolean;
}

/** Code-specific conditions read from each code's description in Appendix A.1. */
const CODE_CONDITIONS: Readonly<Record<string, (p: CodeProfile) => boolean>> = {
  MA001: (p) => p.hasElectricity,
  MA002: (p) => p.hasGas,
  MA007: (p) => p.electricityActive,
  MA008: (p) => p.gasActive,
  MA009: (p) => sameSupplierDual(p),
  MA010: (p) => p.electricityActive,
  MA011: (p) => p.gasActive,
  MA012: (p) => p.type === 'active-dormant',
  MA013: (p) => p.type === 'dormant-dormant' && p.hasElectricity && p.hasGas,
  MA014: (p) => p.hasElectricity && !p.electricityActive,
  MA015: (p) => p.type === 'dormant-dormant' && p.hasElectricity && p.hasGas,
  MA018: (p) => sameSupplierDual(p),
  MA102: (p) => p.hasElectricity,
  MA103: (p) => p.hasGas,
  MA104: (p) => p.electricityActive,
  MA105: (p) => p.gasActive,
  MA106: (p) => p.split,
  MA108: (p) => p.type === 'dormant-dormant' && p.hasElectricity && p.hasGas,
};

function sameSupplierDual(p: CodeProfile): boolean {
  return p.type === 'active-only' && p.hasElectricity && p.hasGas && !p.split;
}

function codeApplies(entry: CatalogueCode, p: CodeProfile): boolean {
  if (entry.dormantOnly && p.type === 'active-only') return false;
  const groups = CODE_GROUPS[entry.code];
  if (groups && !groups.includes(p.groupId)) return false;
  const smsos = CODE_SMSOS[entry.code];
  if (smsos && !smsos.includes(p.smsoSlug)) return false;
  const condition = CODE_CONDITIONS[entry.code];
  return condition ? condition(p) : true;
}

function codeTableFor(stage: FailStage, p: CodeProfile): WeightedTable<string> {
  const entries: [string, number][] = [];
  for (const entry of CATALOGUE) {
    if (entry.stage === null) {
      entries.push([entry.code, OTHER_FAILURE_WEIGHT]);
    } else if (entry.stage === stage && codeApplies(entry, p)) {
      entries.push([entry.code, CODE_WEIGHTS[entry.code] ?? TAIL_CODE_WEIGHT]);
    }
  }
  return weightedTable(entries);
}

// ---------------------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------------------

export interface InstallationRow {
  id: number;
  mpan: string | null;
  mprn: string | null;
  groupId: GroupId;
  smsoPartyId: number;
  electricitySupplierId: number | null;
  gasSupplierId: number | null;
  electricityState: MeterState | null;
  gasState: MeterState | null;
  installationType: InstallationType;
  splitSupply: boolean;
  toBeCommissionedByDcc: boolean;
  priority: boolean;
  migrationWeek: IsoDate;
  migrateOn: IsoDate;
  stage: StageId;
  status: InstallationStatus;
  attemptCount: number;
  lastCode: string | null;
  lastFailedStep: string | null;
  lastChangedAt: number;
}

export interface InstallationEventRow {
  id: number;
  installationId: number;
  attempt: number;
  occurredAt: number;
  stage: StageId;
  status: InstallationStatus;
  code: string | null;
  failedStep: string | null;
  scenario: string | null;
  note: string | null;
}

export interface AuthorisationRow {
  id: number;
  installationId: number;
  authorisingPartyId: number;
  mpan: string | null;
  mprn: string | null;
  migrationWeek: IsoDate;
  migrateOn: IsoDate;
  receivedAt: number;
  validationStatus: 'accepted' | 'rejected';
  validationCodes: readonly string[];
  completionStatus: 'success' | 'failure' | null;
  completionCode: string | null;
  completedAt: number | null;
}

export interface TriageDecisionRow {
  id: number;
  installationId: number;
  decidedAt: number;
  decidedByUserId: string;
  decision: TriageDecision;
  rescheduledWeek: IsoDate | null;
  reason: string;
}

export interface InstallationChunk {
  readonly installations: InstallationRow[];
  readonly events: InstallationEventRow[];
  readonly authorisations: AuthorisationRow[];
  readonly triageDecisions: TriageDecisionRow[];
}

export interface WeeklyDemandRow {
  supplierId: number;
  migrationWeek: IsoDate;
  forecast: number;
  committed: number;
}

export interface MigrationCapacityRow {
  migrationWeek: IsoDate;
  capacity: number;
}

export interface IncidentRow {
  id: number;
  reference: string;
  scenario: string;
  title: string;
  description: string;
  raisedByPartyId: number;
  ownerPartyId: number;
  groupId: GroupId | null;
  category: IncidentCategory;
  status: IncidentStatus;
  raisedAt: number;
  resolvedAt: number | null;
}

export interface IncidentEventRow {
  id: number;
  incidentId: number;
  at: number;
  status: IncidentStatus;
  category: IncidentCategory;
  byUserId: string | null;
  note: string | null;
}

export interface IncidentNoteRow {
  id: number;
  incidentId: number;
  at: number;
  authorUserId: string;
  body: string;
}

export interface IncidentBundle {
  readonly incidents: IncidentRow[];
  readonly events: IncidentEventRow[];
  readonly interestedParties: { incidentId: number; partyId: number }[];
  readonly installations: { incidentId: number; installationId: number }[];
  readonly notes: IncidentNoteRow[];
}

/** The demo users the seed creates (ids referenced by triage decisions and incident events). */
export const ANALYST_USER_ID = 'user-analyst';
export const ADMIN_USER_ID = 'user-admin';
export function supplierUserId(slug: string): string {
  return `user-${slug}`;
}

// ---------------------------------------------------------------------------------------------------------
// MPAN / MPRN: unique, deterministic, realistic-looking.
// ---------------------------------------------------------------------------------------------------------

const HALF = 131_072; // 2^17: the Feistel network permutes 34-bit numbers as two 17-bit halves

/** A keyed permutation of [0, 2^34): four Feistel rounds. */
function permute34(x: number, key: number): number {
  let left = Math.floor(x / HALF);
  let right = x % HALF;
  for (let round = 0; round < 4; round++) {
    const next = left ^ (mix32(right, key + round) & (HALF - 1));
    left = right;
    right = next;
  }
  return left * HALF + right;
}

/** Cycle-walks the permutation until the value falls in [min, max): a permutation of that range, so unique. */
function permuteInRange(start: number, key: number, min: number, max: number): number {
  let x = start;
  do x = permute34(x, key);
  while (x < min || x >= max);
  return x;
}

const MPAN_PRIMES = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43];
/** GB distributor ids (the first two digits of an MPAN core). */
const DISTRIBUTOR_IDS = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];

/** A 13-digit MPAN core: distributor id, 10 unique digits, and the standard modulus-11 check digit. */
export function mpanFor(id: number, seed: number): string {
  const distributor = DISTRIBUTOR_IDS[mix32(id, seed ^ 0x51ed27) % DISTRIBUTOR_IDS.length] as number;
  const body = `${distributor}${String(permuteInRange(id, seed ^ 0x1f83d9ab, 0, 1e10)).padStart(10, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (body.charCodeAt(i) - 48) * (MPAN_PRIMES[i] as number);
  return `${body}${(sum % 11) % 10}`;
}

/** An MPRN of 6 to 10 digits (mostly 10), unique per id. */
export function mprnFor(id: number, seed: number): string {
  return String(permuteInRange(id + 100_000, seed ^ 0x5be0cd19, 100_000, 1e10));
}

// ---------------------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------------------

export interface GenerateOptions {
  readonly installations: number;
  readonly seed: number;
  readonly now: Date;
}

interface WeekInfo {
  readonly week: IsoDate;
  readonly startMs: number;
  readonly days: readonly IsoDate[];
  readonly dayStartMs: readonly number[];
}

interface SampledInstallation {
  readonly id: number;
  readonly electricitySupplierId: number | null;
  readonly gasSupplierId: number | null;
}

interface Failure {
  readonly kind: 'failed';
  readonly stage: FailStage;
  readonly code: string;
  readonly extraCodes: readonly string[];
  readonly failedStep: string | null;
  readonly rolledBack: boolean;
}

type Outcome = { readonly kind: 'migrated' } | Failure;

interface Step {
  readonly at: number;
  readonly stage: StageId;
  readonly status: InstallationStatus;
  readonly code: string | null;
  readonly failedStep: string | null;
  readonly note: string | null;
}

interface MaSpec {
  readonly partyId: number;
  readonly supplierIndex: number;
  readonly mpan: string | null;
  readonly mprn: string | null;
  /** This MA carries the validation rejection when the attempt fails MA validation. */
  readonly carriesRejection: boolean;
}

/** The stages an attempt passes through, with the minutes each takes to start after the previous one. */
const PIPELINE: readonly { stage: FailStage; minutes: readonly [number, number] }[] = [
  { stage: 'authorisation', minutes: [0, 0] },
  { stage: 'common-file', minutes: STEP_MINUTES.commonFile },
  { stage: 'sim-cutover', minutes: STEP_MINUTES.simCutover },
  { stage: 'device-validation', minutes: STEP_MINUTES.deviceValidation },
  { stage: 'commissioning', minutes: STEP_MINUTES.commissioning },
];

const FAILURE_NOTES: Readonly<Record<string, string>> = {
  '12.9.1.ET01': 'Device connectivity retries timed out (MEHRS 3.1)',
  MA120: 'SIM swap retries exhausted (MEHRS 3.2)',
  MA106: 'No MA received from the other Active Supplier for the designated week (MAM)',
};

function bump(counts: Int32Array | undefined, index: number): void {
  if (counts) counts[index] = (counts[index] ?? 0) + 1;
}

export class DemoGenerator {
  readonly parties: PartyDirectory;
  readonly weeks: readonly WeekInfo[];
  /** Index of the current Migration Week in `weeks`. */
  readonly currentWeekIndex: number;
  readonly now: Date;
  private readonly nowMs: number;
  private readonly seed: number;
  private readonly total: number;
  private readonly rng = new Random(0);
  private readonly sampler: Random;
  private readonly weekIndexByDate: Map<IsoDate, number>;
  private readonly groupTable = weightedTable(GROUP_IDS.map((g) => [g, GROUP_SHARES[g]] as const));
  private readonly typeTable = weightedTable(
    Object.entries(INSTALLATION_TYPE_SHARES) as [InstallationType, number][],
  );
  private readonly activeFuelTable = weightedTable(Object.entries(ACTIVE_FUEL_SHARES) as [Fuel, number][]);
  private readonly dormantFuelTable = weightedTable(Object.entries(DORMANT_FUEL_SHARES) as [Fuel, number][]);
  private readonly supplierTable: WeightedTable<number>;
  private readonly weekdayTable = weightedTable(MIGRATE_ON_WEEKDAY_WEIGHTS.map((w, i) => [i, w] as const));
  private readonly gapTable = weightedTable(RESCHEDULE_GAP_WEEKS);
  private readonly firstWeekTables: ReadonlyMap<GroupId, WeightedTable<number>>;
  private readonly failStageTables: ReadonlyMap<GroupId, WeightedTable<FailStage>>;
  private readonly codeTables = new Map<string, WeightedTable<string>>();
  private readonly stepTables = new Map<string, WeightedTable<string>>();
  private readonly smsosByGroup: ReadonlyMap<GroupId, readonly SmsoParty[]>;
  private readonly connectivityTimeoutMs: ReadonlyMap<GroupId, number>;
  private readonly simSwapTimeoutMs: number;
  private readonly splitGivenDualActive: number;
  // Bounded accumulators filled while installations are generated.
  private readonly received: Int32Array[];
  private readonly samples = new Map<string, { seen: number; items: SampledInstallation[] }>();
  private nextEventId = 1;
  private nextAuthorisationId = 1;
  private nextTriageId = 1;
  private generated = 0;

  constructor(options: GenerateOptions) {
    if (!Number.isInteger(options.installations) || options.installations < 0) {
      throw new RangeError(`installations must be a whole number: ${options.installations}`);
    }
    this.total = options.installations;
    this.seed = options.seed >>> 0;
    this.now = options.now;
    this.nowMs = options.now.getTime();
    if (Number.isNaN(this.nowMs)) throw new RangeError('Invalid now');
    this.sampler = new Random(this.seed, 0xfffffff0);
    this.parties = buildParties();

    const current = migrationWeekOf(options.now);
    const weeks: WeekInfo[] = [];
    for (let n = -HISTORY_WEEKS; n <= FUTURE_WEEKS + RESCHEDULE_GAP_WEEKS.length + 2; n++) {
      const week = addMigrationWeeks(current, n);
      const days = Array.from({ length: 7 }, (_, d) => addCalendarDays(week, d));
      weeks.push({
        week,
        startMs: migrationWeekStart(week).getTime(),
        days,
        dayStartMs: days.map((d) => londonStartOfDay(d).getTime()),
      });
    }
    this.weeks = weeks;
    this.currentWeekIndex = HISTORY_WEEKS;
    this.weekIndexByDate = new Map(weeks.map((w, i) => [w.week, i]));

    this.supplierTable = weightedTable(this.parties.suppliers.map((s, i) => [i, s.share] as const));
    const dualActive = INSTALLATION_TYPE_SHARES['active-only'] * ACTIVE_FUEL_SHARES.dual;
    this.splitGivenDualActive = Math.min(1, SPLIT_SUPPLY_SHARE / dualActive);

    // Week-by-week capacity noise shared by all cohorts.
    const noise = weeks.map(() => 1 + this.sampler.real(-WEEKLY_VOLUME_NOISE, WEEKLY_VOLUME_NOISE));
    this.firstWeekTables = new Map(
      GROUP_IDS.map((g) => {
        const start = this.currentWeekIndex - GROUP_START_WEEKS_AGO[g];
        const entries: [number, number][] = [];
        for (let i = Math.max(0, start); i <= this.lastPlannedWeekIndex; i++) {
          const ramp = Math.min(1, RAMP_UP_FLOOR + ((1 - RAMP_UP_FLOOR) * (i - start)) / RAMP_UP_WEEKS);
          const ahead = i - this.currentWeekIndex;
          const planned = ahead > 0 ? (FUTURE_WEEK_PLANNED[ahead - 1] ?? 0) : 1;
          entries.push([i, ramp * (noise[i] ?? 1) * planned]);
        }
        return [g, weightedTable(entries)];
      }),
    );
    this.failStageTables = new Map(
      GROUP_IDS.map((g) => [
        g,
        weightedTable(
          FAIL_STAGES.map(
            (s) => [s, FAILURE_STAGE_WEIGHTS[s] * (GROUP_FAILURE_STAGE_FACTORS[g]?.[s] ?? 1)] as const,
          ),
        ),
      ]),
    );
    this.smsosByGroup = new Map(
      GROUP_IDS.map((g) => [g, this.parties.smsos.filter((s) => s.groups.includes(g))]),
    );
    for (const g of GROUP_IDS) {
      if ((this.smsosByGroup.get(g) ?? []).length === 0) throw new Error(`No SMSO serves GroupID ${g}`);
    }
    // Retry durations from the rules (MEHRS 3.1, 3.2; seed 000 for DA, seed 004 for EA), measured once.
    const epoch = new Date(this.weeks[0]?.startMs ?? 0);
    this.connectivityTimeoutMs = new Map(
      GROUP_IDS.map((g) => [g, deviceConnectivityAttempts(epoch, g).timeoutAt.getTime() - epoch.getTime()]),
    );
    this.simSwapTimeoutMs =
      simSwapAttempts(epoch, RETRY_DEFAULTS.simSwapCb).timeoutAt.getTime() - epoch.getTime();

    const weekCount = weeks.length;
    this.received = this.parties.suppliers.map(() => new Int32Array(weekCount));
  }

  /** The last week with demand or authorisations (current + FUTURE_WEEKS). */
  get lastPlannedWeekIndex(): number {
    return this.currentWeekIndex + FUTURE_WEEKS;
  }

  /** All installations, in id order, `size` at a time. Call once. */
  *chunks(size = DEFAULT_CHUNK_SIZE): Generator<InstallationChunk> {
    if (this.generated > 0) throw new Error('DemoGenerator.chunks() can only run once');
    for (let first = 1; first <= this.total; first += size) {
      const chunk: InstallationChunk = {
        installations: [],
        events: [],
        authorisations: [],
        triageDecisions: [],
      };
      const last = Math.min(this.total, first + size - 1);
      for (let id = first; id <= last; id++) this.installation(id, chunk);
      this.generated = last;
      yield chunk;
    }
  }

  private get finished(): boolean {
    return this.generated === this.total;
  }

  private weekIndexOf(ms: number): number {
    let lo = 0;
    let hi = this.weeks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.weeks[mid] as WeekInfo).startMs <= ms) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private codeTable(stage: FailStage, p: CodeProfile): WeightedTable<string> {
    const key = `${stage}|${p.groupId}|${p.smsoSlug}|${p.type}|${+p.hasElectricity}${+p.hasGas}${+p.electricityActive}${+p.gasActive}${+p.split}`;
    let table = this.codeTables.get(key);
    if (!table) {
      table = codeTableFor(stage, p);
      this.codeTables.set(key, table);
    }
    return table;
  }

  private failedStepFor(code: string, stage: FailStage): string | null {
    const steps =
      FAILED_STEPS[code] ??
      (stage === 'commissioning' && code !== 'MA999' ? COMMISSIONING_FAILED_STEPS : null);
    if (!steps) return null;
    let table = this.stepTables.get(code);
    if (!table) {
      table = weightedTable(steps);
      this.stepTables.set(code, table);
    }
    return this.rng.weighted(table);
  }

  private outcomeFor(attempt: number, p: CodeProfile): Outcome {
    const r = this.rng;
    const dormant = p.type !== 'active-only';
    const rate =
      ATTEMPT_FAILURE_RATE[p.groupId] *
      (attempt > 1 ? REATTEMPT_FAILURE_FACTOR : 1) *
      (dormant ? DORMANT_FAILURE_FACTOR : 1);
    if (!r.chance(rate)) return { kind: 'migrated' };
    let stage = r.weighted(this.failStageTables.get(p.groupId) as WeightedTable<FailStage>);
    // MEHRS 2.7: commissioning codes come from the Commissioning Party, which only commissions for DCC.
    if (stage === 'commissioning' && !p.commissionedByCp) stage = 'device-validation';
    const table = this.codeTable(stage, p);
    const code = r.weighted(table);
    const extraCodes: string[] = [];
    if (stage === 'authorisation' && r.chance(SECOND_VALIDATION_CODE_SHARE)) {
      const second = r.weighted(table);
      if (second !== code) extraCodes.push(second);
    }
    const failedStep = this.failedStepFor(code, stage);
    const rolledBack = r.chance(ROLLBACK_SHARE[code] ?? 0);
    return { kind: 'failed', stage, code, extraCodes, failedStep, rolledBack };
  }

  /** The failure step of an attempt that fails at `stage`, which it entered at `startedAt`. */
  private failureStep(outcome: Failure, startedAt: number, groupId: GroupId): Step {
    const range = outcome.stage === 'authorisation' ? STEP_MINUTES.validationResponse : STEP_MINUTES.failure;
    let at = startedAt + this.rng.int(range[0], range[1]) * MINUTE;
    // The retry periods of MEHRS 3.1/3.2 and the DCO's 48 hours (TMAD 5.16) set how long these failures take.
    if (outcome.code === '12.9.1.ET01') at = startedAt + (this.connectivityTimeoutMs.get(groupId) ?? DAY);
    else if (outcome.code === 'MA120') at = startedAt + this.simSwapTimeoutMs;
    else if (outcome.failedStep === '5.16') at = startedAt + WINDOW_DEFAULTS.dcoMefDiscardHours * HOUR;
    return {
      at,
      stage: outcome.stage,
      status: outcome.rolledBack ? 'rolled-back' : 'failed',
      code: outcome.code,
      failedStep: outcome.failedStep,
      note: outcome.rolledBack
        ? 'Rolled back to the SMSO (MEHRS 2.6.5)'
        : (FAILURE_NOTES[outcome.code] ?? null),
    };
  }

  /** The attempt's steps, in time order, from the MA's arrival to its outcome (MEHRS 2.3–2.7; 3.1, 3.2 retries). */
  private stepsFor(receivedAt: number, dayStart: number, outcome: Outcome, groupId: GroupId): Step[] {
    const r = this.rng;
    const failure = outcome.kind === 'failed' ? outcome : null;
    const steps: Step[] = [];
    let at = receivedAt;
    for (const { stage, minutes } of PIPELINE) {
      if (stage === 'common-file') {
        at = Math.max(at + 30 * MINUTE, dayStart + r.int(minutes[0], minutes[1]) * MINUTE);
      } else if (stage !== 'authorisation') {
        at += r.int(minutes[0], minutes[1]) * MINUTE;
      }
      // Routine transitions carry no note (the stage says it all): at 10M installations notes cost gigabytes.
      steps.push({ at, stage, status: 'in-progress', code: null, failedStep: null, note: null });
      if (failure && failure.stage === stage) {
        steps.push(this.failureStep(failure, at, groupId));
        return steps;
      }
    }
    const range = STEP_MINUTES.migrated;
    at += r.int(range[0], range[1]) * MINUTE;
    steps.push({ at, stage: 'migrated', status: 'migrated', code: null, failedStep: null, note: null });
    return steps;
  }

  private sample(kind: 'failed' | 'in-progress', row: InstallationRow): void {
    const key = `${kind}|${row.stage}|${row.groupId}`;
    let bucket = this.samples.get(key);
    if (!bucket) {
      bucket = { seen: 0, items: [] };
      this.samples.set(key, bucket);
    }
    bucket.seen++;
    const item = {
      id: row.id,
      electricitySupplierId: row.electricitySupplierId,
      gasSupplierId: row.gasSupplierId,
    };
    if (bucket.items.length < INCIDENT_SAMPLE_SIZE) bucket.items.push(item);
    else {
      const j = this.sampler.int(0, bucket.seen - 1);
      if (j < INCIDENT_SAMPLE_SIZE) bucket.items[j] = item;
    }
  }

  private supplierPartyId(index: number): number | null {
    return index >= 0 ? (this.parties.suppliers[index] as SupplierParty).id : null;
  }

  private pushEvent(out: InstallationChunk, row: InstallationRow, attempt: number, step: Step): void {
    out.events.push({
      id: this.nextEventId++,
      installationId: row.id,
      attempt,
      occurredAt: step.at,
      stage: step.stage,
      status: step.status,
      code: step.code,
      failedStep: step.failedStep,
      scenario: step.code ? scenarioSection(step.code, step.failedStep) : null,
      note: step.note,
    });
    row.lastChangedAt = step.at;
  }

  private installation(id: number, out: InstallationChunk): void {
    const r = this.rng;
    r.reseed(this.seed, id);
    const suppliers = this.parties.suppliers;
    // The first ids go one to each supplier, so every supplier has installations even in a small demo.
    const forced = id <= suppliers.length ? id - 1 : -1;

    const groupId = r.weighted(this.groupTable);
    const smso = r.pick(this.smsosByGroup.get(groupId) as readonly SmsoParty[]);
    const type: InstallationType = forced >= 0 ? 'active-only' : r.weighted(this.typeTable);
    const fuel: Fuel =
      forced >= 0
        ? 'dual'
        : type === 'active-only'
          ? r.weighted(this.activeFuelTable)
          : type === 'active-dormant'
            ? 'dual'
            : r.weighted(this.dormantFuelTable);
    const hasElectricity = fuel !== 'gas';
    const hasGas = fuel !== 'electricity';
    let electricityActive = hasElectricity && type === 'active-only';
    let gasActive = hasGas && type === 'active-only';
    if (type === 'active-dormant') {
      electricityActive = r.chance(ACTIVE_DORMANT_ELECTRICITY_ACTIVE);
      gasActive = !electricityActive;
    }
    const split =
      forced < 0 && type === 'active-only' && fuel === 'dual' && r.chance(this.splitGivenDualActive);
    let electricitySupplier = -1;
    let gasSupplier = -1;
    if (electricityActive) electricitySupplier = forced >= 0 ? forced : r.weighted(this.supplierTable);
    if (gasActive) {
      if (split) {
        gasSupplier = r.weighted(this.supplierTable);
        // Split supply needs two different suppliers; the table always has more than one.
        while (gasSupplier === electricitySupplier)
          gasSupplier = (gasSupplier + 1 + r.int(0, suppliers.length - 2)) % suppliers.length;
      } else {
        gasSupplier = electricityActive ? electricitySupplier : r.weighted(this.supplierTable);
      }
    }
    const priority = r.chance(PRIORITY_SHARE);
    const mpan = hasElectricity ? mpanFor(id, this.seed) : null;
    const mprn = hasGas ? mprnFor(id, this.seed) : null;
    const commissionedByCp = type !== 'active-only' || split;
    const profile: CodeProfile = {
      groupId,
      smsoSlug: smso.slug,
      hasElectricity,
      hasGas,
      electricityActive,
      gasActive,
      type,
      split,
      commissionedByCp,
    };

    // Who sends the MAs (MEHRS 2.3; MAM for split supply; the DCC authorises dormant meters, section 4).
    const dcc = this.parties.service.dcc.id;
    const maSpecs: MaSpec[] = [];
    if (type === 'dormant-dormant') {
      maSpecs.push({ partyId: dcc, supplierIndex: -1, mpan, mprn, carriesRejection: true });
    } else if (type === 'active-dormant') {
      const activeIndex = electricityActive ? electricitySupplier : gasSupplier;
      maSpecs.push({
        partyId: this.supplierPartyId(activeIndex) as number,
        supplierIndex: activeIndex,
        mpan: electricityActive ? mpan : null,
        mprn: electricityActive ? null : mprn,
        carriesRejection: true,
      });
      maSpecs.push({
        partyId: dcc,
        supplierIndex: -1,
        mpan: electricityActive ? null : mpan,
        mprn: electricityActive ? mprn : null,
        carriesRejection: false,
      });
    } else if (split) {
      const rejectElectricity = r.chance(0.5);
      maSpecs.push({
        partyId: this.supplierPartyId(electricitySupplier) as number,
        supplierIndex: electricitySupplier,
        mpan,
        mprn: null,
        carriesRejection: rejectElectricity,
      });
      maSpecs.push({
        partyId: this.supplierPartyId(gasSupplier) as number,
        supplierIndex: gasSupplier,
        mpan: null,
        mprn,
        carriesRejection: !rejectElectricity,
      });
    } else {
      const index = electricityActive ? electricitySupplier : gasSupplier;
      maSpecs.push({
        partyId: this.supplierPartyId(index) as number,
        supplierIndex: index,
        mpan,
        mprn,
        carriesRejection: true,
      });
    }

    const row: InstallationRow = {
      id,
      mpan,
      mprn,
      groupId,
      smsoPartyId: smso.id,
      electricitySupplierId: this.supplierPartyId(electricitySupplier),
      gasSupplierId: this.supplierPartyId(gasSupplier),
      electricityState: hasElectricity ? (electricityActive ? 'active' : 'dormant') : null,
      gasState: hasGas ? (gasActive ? 'active' : 'dormant') : null,
      installationType: type,
      splitSupply: split,
      toBeCommissionedByDcc: commissionedByCp,
      priority,
      migrationWeek: '',
      migrateOn: '',
      stage: 'demand',
      status: 'in-progress',
      attemptCount: 0,
      lastCode: null,
      lastFailedStep: null,
      lastChangedAt: 0,
    };

    let weekIndex = r.weighted(this.firstWeekTables.get(groupId) as WeightedTable<number>);
    // Nothing of the next attempt can happen before this instant (the previous failure or triage decision).
    let earliest = Number.NEGATIVE_INFINITY;
    let rescheduled = false;
    for (;;) {
      const attempt = row.attemptCount + 1;
      const week = this.weeks[weekIndex] as WeekInfo;
      let receivedAt =
        week.startMs -
        r.int(MA_LEAD_DAYS[0], MA_LEAD_DAYS[1]) * DAY +
        r.int(MA_SENT_HOURS[0] * 60, MA_SENT_HOURS[1] * 60) * MINUTE;
      if (receivedAt <= earliest) receivedAt = earliest + r.int(60, 24 * 60) * MINUTE;
      // MA006: the Migrate On date must be later than the day the MA arrives.
      let day = r.weighted(this.weekdayTable);
      while (day < 6 && (week.dayStartMs[day] as number) < receivedAt + 12 * HOUR) day++;
      row.migrationWeek = week.week;
      row.migrateOn = week.days[day] as IsoDate;
      row.stage = 'demand';
      row.status = 'in-progress';
      row.lastCode = null;
      row.lastFailedStep = null;
      row.toBeCommissionedByDcc = commissionedByCp;

      if (receivedAt > this.nowMs) {
        // Not authorised yet: the installation sits in its supplier's demand for the week (MEHRS 2.2). Once the
        // MA arrives its own event starts the attempt, so the demand step is only recorded while it is current.
        const planned = receivedAt - r.int(DEMAND_LEAD_DAYS[0], DEMAND_LEAD_DAYS[1]) * DAY;
        const latest = this.nowMs - r.int(1, 72 * 60) * MINUTE;
        this.pushEvent(out, row, attempt, {
          at: Math.max(Math.min(planned, latest), Math.min(earliest + MINUTE, this.nowMs)),
          stage: 'demand',
          status: 'in-progress',
          code: null,
          failedStep: null,
          note: `${rescheduled ? 'Rescheduled into' : 'Planned for'} Migration Week ${week.week}`,
        });
        break;
      }

      row.attemptCount = attempt;
      const outcome = this.outcomeFor(attempt, profile);
      const steps = this.stepsFor(receivedAt, week.dayStartMs[day] as number, outcome, groupId);
      let reached = 0;
      for (const step of steps) {
        if (step.at > this.nowMs) break;
        this.pushEvent(out, row, attempt, step);
        row.stage = step.stage;
        row.status = step.status;
        reached++;
      }
      const done = reached === steps.length;
      const last = steps[steps.length - 1] as Step;

      // The MAs of this attempt and their Validation and Completion Responses (S1MIG-006, S1MIG-010).
      const failed = outcome.kind === 'failed';
      const rejected = failed && outcome.stage === 'authorisation';
      const missingPartner = failed && outcome.code === 'MA106';
      let dormantRejection = false;
      if (rejected) {
        const entry = CATALOGUE_BY_CODE.get(outcome.code);
        dormantRejection = entry?.dormantOnly ?? false;
      }
      let skipped = false;
      for (const spec of maSpecs) {
        // MAM: with MA106 one of the two suppliers missed the designated week, so its MA never arrived.
        if (missingPartner && spec.carriesRejection && !skipped) {
          skipped = true;
          continue;
        }
        // Dormant-only codes are about the DCC's MA (MEHRS 2.3.2); the rest about the supplier's. A rejection
        // not yet sent (the response is due after `now`) leaves the MA as accepted so far.
        const carries = rejected && done && (dormantRejection ? spec.partyId === dcc : spec.carriesRejection);
        const lag = spec === maSpecs[0] ? 0 : r.int(0, SECOND_MA_LAG_MINUTES) * MINUTE;
        const at = Math.min(receivedAt + lag, this.nowMs);
        out.authorisations.push({
          id: this.nextAuthorisationId++,
          installationId: id,
          authorisingPartyId: spec.partyId,
          mpan: spec.mpan,
          mprn: spec.mprn,
          migrationWeek: week.week,
          migrateOn: row.migrateOn,
          receivedAt: at,
          validationStatus: carries ? 'rejected' : 'accepted',
          validationCodes: carries && failed ? [outcome.code, ...outcome.extraCodes] : [],
          completionStatus: done ? (failed ? 'failure' : 'success') : null,
          completionCode: done && failed ? outcome.code : null,
          completedAt: done ? Math.max(last.at, at) : null,
        });
        if (spec.supplierIndex >= 0) bump(this.received[spec.supplierIndex], weekIndex);
      }
      if (!done || outcome.kind === 'migrated') break;

      // The attempt failed: the current attempt's failure is the installation's last code.
      row.lastCode = outcome.code;
      row.lastFailedStep = outcome.failedStep;
      if (outcome.code === 'MA106') row.toBeCommissionedByDcc = false;
      if (attempt >= MAX_ATTEMPTS) break;
      const failedAt = last.at;
      let nextWeekIndex: number;
      if (type === 'active-only') {
        // MA121: the SMSO cannot reach it after rollback, so it is replaced with SMETS2+, not retried (MEHRS 2.6.5).
        if (TRIAGE_DEFAULTS.replaceCodes.includes(outcome.code) || !r.chance(SUPPLIER_RESCHEDULE_RATE)) break;
        nextWeekIndex = this.weekIndexOf(failedAt) + r.weighted(this.gapTable);
        earliest = Math.min(
          failedAt + r.int(RESCHEDULE_DELAY_HOURS[0], RESCHEDULE_DELAY_HOURS[1]) * HOUR,
          this.nowMs,
        );
      } else {
        // MEHRS 4: the MCC triages failed dormant installations; some wait in its backlog.
        const decidedAt = failedAt + Math.round(r.real(TRIAGE_DELAY_DAYS[0], TRIAGE_DELAY_DAYS[1]) * DAY);
        if (r.chance(TRIAGE_BACKLOG_SHARE) || decidedAt > this.nowMs) break;
        const advice = dormantTriageAdvice(
          {
            installationType: type,
            lastFailureCode: outcome.code,
            smsoActionPending:
              TRIAGE_DEFAULTS.smsoFixCodes.includes(outcome.code) && r.chance(SMSO_ACTION_PENDING_SHARE),
            lastMigrationWeek: week.week,
          },
          attempt,
          new Date(decidedAt),
        );
        const moves = advice.decision === 'reschedule' || advice.decision === 'liaise-with-active-supplier';
        const earliestIndex = advice.earliestWeek ? this.weekIndexByDate.get(advice.earliestWeek) : undefined;
        nextWeekIndex =
          moves && earliestIndex !== undefined
            ? Math.min(earliestIndex + r.weighted(this.gapTable) - 2, this.lastPlannedWeekIndex)
            : -1;
        const scheduled = nextWeekIndex >= 0 && nextWeekIndex <= this.lastPlannedWeekIndex;
        out.triageDecisions.push({
          id: this.nextTriageId++,
          installationId: id,
          decidedAt,
          decidedByUserId: ANALYST_USER_ID,
          decision: advice.decision,
          rescheduledWeek: scheduled ? (this.weeks[nextWeekIndex] as WeekInfo).week : null,
          reason: advice.reasons.join(' '),
        });
        if (!scheduled) break;
        earliest = decidedAt;
      }
      if (nextWeekIndex > this.lastPlannedWeekIndex) break;
      weekIndex = nextWeekIndex;
      rescheduled = true;
    }

    out.installations.push(row);
    if (row.status === 'failed' || row.status === 'rolled-back') this.sample('failed', row);
    else if (row.status === 'in-progress') this.sample('in-progress', row);
  }

  /**
   * DCC's capacity per Migration Week (the Migration Scaling Methodology sets it; the seeds give no number): the
   * run rate of the four weeks before the current one, times a per-week factor, so some coming weeks fill past it.
   */
  migrationCapacity(): MigrationCapacityRow[] {
    if (!this.finished) throw new Error('Generate every chunk before the capacity');
    const r = new Random(this.seed, 0xfffffff3);
    let recent = 0;
    for (const counts of this.received) {
      for (let k = 1; k <= 4; k++) recent += counts[this.currentWeekIndex - k] ?? 0;
    }
    const runRate = recent / 4;
    const rows: MigrationCapacityRow[] = [];
    for (let i = 0; i <= this.lastPlannedWeekIndex; i++) {
      const factor = r.real(CAPACITY_OF_RUN_RATE[0], CAPACITY_OF_RUN_RATE[1]);
      rows.push({ migrationWeek: (this.weeks[i] as WeekInfo).week, capacity: Math.round(runRate * factor) });
    }
    return rows;
  }

  /** Report 8 (MEHRS 2.2.1): every supplier, every week; MAs received are counted from the MAs, not stored here. */
  weeklyDemand(): WeeklyDemandRow[] {
    if (!this.finished) throw new Error('Generate every chunk before the weekly demand');
    const r = new Random(this.seed, 0xfffffff1);
    const rows: WeeklyDemandRow[] = [];
    this.parties.suppliers.forEach((supplier, s) => {
      const [lo, hi] = DEMAND_BIAS_RANGES[supplier.bias];
      const bias = r.real(lo, hi);
      const received = this.received[s] as Int32Array;
      for (let i = 0; i <= this.lastPlannedWeekIndex; i++) {
        const week = (this.weeks[i] as WeekInfo).week;
        let base = received[i] ?? 0;
        if (i > this.currentWeekIndex) {
          // Future weeks: the recent run rate, as MAs for them are still arriving.
          let recent = 0;
          for (let k = 1; k <= 4; k++) recent += received[this.currentWeekIndex - k] ?? 0;
          base = Math.max(base, recent / 4);
        }
        const forecast = Math.round((base / bias) * (1 + r.real(-FORECAST_NOISE, FORECAST_NOISE)));
        const committed = Math.min(
          forecast,
          Math.round(forecast * r.real(COMMITMENT_OF_FORECAST[0], COMMITMENT_OF_FORECAST[1])),
        );
        rows.push({
          supplierId: supplier.id,
          migrationWeek: week,
          forecast,
          committed,
        });
      }
    });
    return rows;
  }

  /** Incidents for every scenario MEHRS handles with an Incident (section 2), resolved and open. */
  incidents(): IncidentBundle {
    if (!this.finished) throw new Error('Generate every chunk before the incidents');
    const r = new Random(this.seed, 0xfffffff2);
    const categoryTable = weightedTable(
      Object.entries(INCIDENT_CATEGORY_WEIGHTS).map(([c, w]) => [Number(c) as IncidentCategory, w] as const),
    );
    const supplierTable = this.supplierTable;
    const partyFor = (role: PartyRole): PartyRow => {
      if (role === 'supplier') return this.parties.suppliers[r.weighted(supplierTable)] as SupplierParty;
      if (role === 'smso') return r.pick(this.parties.smsos);
      if (role === 'csp') return r.pick(this.parties.rows.filter((p) => p.role === 'csp'));
      return this.parties.service[role];
    };

    interface Spec {
      scenario: Scenario;
      groupId: GroupId | null;
      raisedBy: readonly PartyRole[];
      owners: readonly PartyRole[];
      open: boolean;
      raisedAt: number;
      /** Which of the scenario's incidents this is: rotates through its raisers and owners (2.6.5 has two). */
      turn: number;
    }
    const incidentScenarios = SCENARIOS.filter((s) => s.handling === 'incident');
    const historyStart = (this.weeks[0] as WeekInfo).startMs;
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
          ? this.nowMs - r.real(OPEN_INCIDENT_AGE_HOURS[0], OPEN_INCIDENT_AGE_HOURS[1]) * HOUR
          : r.real(historyStart, this.nowMs - RESOLVED_INCIDENT_MIN_AGE_DAYS * DAY),
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
    specs.sort((a, b) => a.raisedAt - b.raisedAt);

    const bundle: IncidentBundle = {
      incidents: [],
      events: [],
      interestedParties: [],
      installations: [],
      notes: [],
    };
    let eventId = 1;
    let noteId = 1;
    specs.forEach((spec, index) => {
      const id = index + 1;
      const s = spec.scenario;
      const kind = s.resolutionTarget === 'standard-itrt' ? 'standard' : 'migration';
      let category = r.weighted(categoryTable);
      const owner = partyFor(spec.owners[spec.turn % spec.owners.length] ?? 'mcc');
      // MEHRS 2.6.6 names no raiser: the party that finds the failure is the owner itself.
      const raisedBy = spec.raisedBy[spec.turn % Math.max(1, spec.raisedBy.length)];
      const raiser = raisedBy ? partyFor(raisedBy) : owner;

      const history: { at: number; status: IncidentStatus; byUserId: string | null; note: string | null }[] =
        [];
      let at = spec.raisedAt;
      history.push({ at, status: 'open', byUserId: null, note: `Raised by ${raiser.name}` });
      // Some open incidents are not yet acknowledged by their owner.
      at += spec.open && r.chance(UNACKNOWLEDGED_OPEN_SHARE) ? r.real(8, 12) * DAY : r.real(10, 120) * MINUTE;
      at = Math.round(at);
      history.push({
        at,
        status: 'in-progress',
        byUserId: ANALYST_USER_ID,
        note: `Assigned to ${owner.name}`,
      });
      const target = incidentTargetMs(category, undefined, kind);
      let resolveAt =
        at + Math.round(target * r.real(INCIDENT_RESOLUTION_OF_TARGET[0], INCIDENT_RESOLUTION_OF_TARGET[1]));
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
        if (closeAt <= this.nowMs)
          history.push({ at: closeAt, status: 'closed', byUserId: ANALYST_USER_ID, note: null });
      }
      const visible = history.filter((h) => h.at <= this.nowMs);
      const final = visible[visible.length - 1] ?? history[0];
      const status = final?.status ?? 'open';
      const resolved = visible.find((h) => h.status === 'resolved');

      // An occasional re-categorisation, recorded on the event that made it.
      const recategoriseAt =
        visible.length > 2 && r.chance(INCIDENT_ESCALATION_SHARE) ? 1 + r.int(0, visible.length - 2) : -1;
      visible.forEach((h, k) => {
        if (k === recategoriseAt) category = Math.max(1, category - 1) as IncidentCategory;
        bundle.events.push({
          id: eventId++,
          incidentId: id,
          at: h.at,
          status: h.status,
          category,
          byUserId: h.byUserId,
          note: h.note,
        });
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
        status,
        raisedAt: spec.raisedAt,
        resolvedAt: resolved ? resolved.at : null,
      });

      // Affected installations: at the scenario's stage, failed (or still in progress while the incident is open).
      const affected = new Map<number, SampledInstallation>();
      if (s.stage !== 'demand') {
        const groups = spec.groupId ? [spec.groupId] : GROUP_IDS;
        const pool: SampledInstallation[] = [];
        for (const g of groups) {
          pool.push(...(this.samples.get(`failed|${s.stage}|${g}`)?.items ?? []));
          if (spec.open) pool.push(...(this.samples.get(`in-progress|${s.stage}|${g}`)?.items ?? []));
        }
        const want = r.int(INCIDENT_INSTALLATIONS[0], INCIDENT_INSTALLATIONS[1]);
        for (const item of r.shuffle(pool).slice(0, want)) affected.set(item.id, item);
      }
      const interested = new Set<number>();
      for (const item of affected.values()) {
        bundle.installations.push({ incidentId: id, installationId: item.id });
        if (item.electricitySupplierId !== null) interested.add(item.electricitySupplierId);
        if (item.gasSupplierId !== null) interested.add(item.gasSupplierId);
      }
      if (raiser.role === 'supplier') interested.add(raiser.id);
      if (affected.size === 0 && raiser.role !== 'supplier') {
        // No installation-level effect (SharePoint, 2.1.2): every supplier is affected.
        for (const supplier of this.parties.suppliers) interested.add(supplier.id);
      }
      for (const partyId of [...interested].sort((a, b) => a - b))
        bundle.interestedParties.push({ incidentId: id, partyId });

      const noteCount = r.int(1, 2);
      for (let k = 0; k < noteCount; k++) {
        const noteAt = Math.round(
          spec.raisedAt +
            (Math.min(this.nowMs, final?.at ?? spec.raisedAt) - spec.raisedAt) * r.real(0.1, 0.9),
        );
        const body =
          k === 0
            ? `MCC: ${owner.name} acknowledged the incident. Expected on resolution: ${s.onResolution ?? 'no action stated.'}`
            : `MCC: Interested Parties updated through the Self-Service Interface (${affected.size} installation(s) affected).`;
        bundle.notes.push({ id: noteId++, incidentId: id, at: noteAt, authorUserId: ANALYST_USER_ID, body });
      }
    });
    return bundle;
  }
}
