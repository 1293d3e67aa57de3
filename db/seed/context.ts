/**
 * The generator's shared state: the calendar of Migration Weeks, the weighted tables drawn from, the PRNGs, and the
 * bounded accumulators filled while installations are generated (per-supplier MA counts, incident samples).
 */
import { RETRY_DEFAULTS } from '@/lib/rules/config';
import { deviceConnectivityAttempts, simSwapAttempts } from '@/lib/rules/retries';
import { GROUP_IDS, type GroupId, type InstallationType } from '@/lib/rules/types';
import {
  addCalendarDays,
  addMigrationWeeks,
  type IsoDate,
  londonStartOfDay,
  migrationWeekOf,
  migrationWeekStart,
} from '@/lib/rules/weeks';
import type { CodeProfile } from './catalogue';
import { IncidentLedger } from './incidents';
import { buildParties, type PartyDirectory, type SmsoParty, type SupplierParty } from './parties';
import { Random, type WeightedTable, weightedTable } from './random';
import {
  ACTIVE_FUEL_SHARES,
  DORMANT_FUEL_SHARES,
  FAIL_STAGES,
  FAILURE_STAGE_WEIGHTS,
  type FailStage,
  FUTURE_WEEK_PLANNED,
  FUTURE_WEEKS,
  type Fuel,
  GROUP_FAILURE_STAGE_FACTORS,
  GROUP_SHARES,
  GROUP_START_WEEKS_AGO,
  HISTORY_WEEKS,
  INSTALLATION_TYPE_SHARES,
  MIGRATE_ON_WEEKDAY_WEIGHTS,
  RAMP_UP_FLOOR,
  RAMP_UP_WEEKS,
  RESCHEDULE_GAP_WEEKS,
  SPLIT_SUPPLY_SHARE,
  WEEKLY_VOLUME_NOISE,
} from './shape';

export interface GenerateOptions {
  readonly installations: number;
  readonly seed: number;
  readonly now: Date;
}

export interface WeekInfo {
  readonly week: IsoDate;
  readonly startMs: number;
  readonly days: readonly IsoDate[];
  readonly dayStartMs: readonly number[];
}

export interface SampledInstallation {
  readonly id: number;
  readonly electricitySupplierId: number | null;
  readonly gasSupplierId: number | null;
}

export function bump(counts: Int32Array | undefined, index: number): void {
  if (counts) counts[index] = (counts[index] ?? 0) + 1;
}

/** The Migration Weeks from HISTORY_WEEKS before `now`'s week to far enough ahead for every reschedule. */
function buildWeeks(now: Date): WeekInfo[] {
  const current = migrationWeekOf(now);
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
  return weeks;
}

export class SeedContext {
  readonly parties: PartyDirectory;
  readonly weeks: readonly WeekInfo[];
  /** Index of the current Migration Week in `weeks`. */
  readonly currentWeekIndex = HISTORY_WEEKS;
  readonly nowMs: number;
  readonly seed: number;
  readonly total: number;
  /** Reseeded per installation (its id is the stream), so an installation depends only on the seed and its id. */
  readonly rng = new Random(0);
  readonly sampler: Random;
  readonly weekIndexByDate: Map<IsoDate, number>;
  readonly groupTable = weightedTable(GROUP_IDS.map((g) => [g, GROUP_SHARES[g]] as const));
  readonly typeTable = weightedTable(
    Object.entries(INSTALLATION_TYPE_SHARES) as [InstallationType, number][],
  );
  readonly activeFuelTable = weightedTable(Object.entries(ACTIVE_FUEL_SHARES) as [Fuel, number][]);
  readonly dormantFuelTable = weightedTable(Object.entries(DORMANT_FUEL_SHARES) as [Fuel, number][]);
  readonly supplierTable: WeightedTable<number>;
  readonly weekdayTable = weightedTable(MIGRATE_ON_WEEKDAY_WEIGHTS.map((w, i) => [i, w] as const));
  readonly gapTable = weightedTable(RESCHEDULE_GAP_WEEKS);
  readonly firstWeekTables: ReadonlyMap<GroupId, WeightedTable<number>>;
  readonly failStageTables: ReadonlyMap<GroupId, WeightedTable<FailStage>>;
  readonly codeTables = new Map<string, WeightedTable<string>>();
  readonly stepTables = new Map<string, WeightedTable<string>>();
  readonly smsosByGroup: ReadonlyMap<GroupId, readonly SmsoParty[]>;
  readonly connectivityTimeoutMs: ReadonlyMap<GroupId, number>;
  readonly simSwapTimeoutMs: number;
  readonly splitGivenDualActive: number;
  // Bounded accumulators filled while installations are generated.
  readonly received: Int32Array[];
  readonly incidents: IncidentLedger;
  nextEventId = 1;
  nextAuthorisationId = 1;
  nextTriageId = 1;

  constructor(options: GenerateOptions) {
    if (!Number.isInteger(options.installations) || options.installations < 0) {
      throw new RangeError(`installations must be a whole number: ${options.installations}`);
    }
    this.total = options.installations;
    this.seed = options.seed >>> 0;
    this.nowMs = options.now.getTime();
    if (Number.isNaN(this.nowMs)) throw new RangeError('Invalid now');
    this.sampler = new Random(this.seed, 0xfffffff0);
    this.parties = buildParties();
    this.weeks = buildWeeks(options.now);
    this.weekIndexByDate = new Map(this.weeks.map((w, i) => [w.week, i]));

    this.supplierTable = weightedTable(this.parties.suppliers.map((s, i) => [i, s.share] as const));
    const dualActive = INSTALLATION_TYPE_SHARES['active-only'] * ACTIVE_FUEL_SHARES.dual;
    this.splitGivenDualActive = Math.min(1, SPLIT_SUPPLY_SHARE / dualActive);
    this.firstWeekTables = this.buildFirstWeekTables();
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

    const weekCount = this.weeks.length;
    this.received = this.parties.suppliers.map(() => new Int32Array(weekCount));
    this.incidents = new IncidentLedger(this);
  }

  /** Each cohort's first Migration Week: ramping up from its start, with week-by-week capacity noise shared by all. */
  private buildFirstWeekTables(): ReadonlyMap<GroupId, WeightedTable<number>> {
    const noise = this.weeks.map(() => 1 + this.sampler.real(-WEEKLY_VOLUME_NOISE, WEEKLY_VOLUME_NOISE));
    return new Map(
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
  }

  /** The last week with demand or authorisations (current + FUTURE_WEEKS). */
  get lastPlannedWeekIndex(): number {
    return this.currentWeekIndex + FUTURE_WEEKS;
  }

  week(index: number): WeekInfo {
    return this.weeks[index] as WeekInfo;
  }

  weekIndexOf(ms: number): number {
    let lo = 0;
    let hi = this.weeks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.weeks[mid] as WeekInfo).startMs <= ms) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  supplierPartyId(index: number): number | null {
    return index >= 0 ? (this.parties.suppliers[index] as SupplierParty).id : null;
  }

  codeTable(stage: FailStage, p: CodeProfile, build: () => WeightedTable<string>): WeightedTable<string> {
    const key = `${stage}|${p.groupId}|${p.smsoSlug}|${p.type}|${+p.hasElectricity}${+p.hasGas}${+p.electricityActive}${+p.gasActive}${+p.split}`;
    let table = this.codeTables.get(key);
    if (!table) {
      table = build();
      this.codeTables.set(key, table);
    }
    return table;
  }
}
