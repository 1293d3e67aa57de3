/** Report 8 (MEHRS 2.2.1): every supplier's forecast and DCC's commitment, against the MAs generated, every week. */
import type { SeedContext } from './context';
import { Random } from './random';
import type { MigrationCapacityRow, WeeklyDemandRow } from './rows';
import { CAPACITY_OF_RUN_RATE, COMMITMENT_OF_FORECAST, DEMAND_BIAS_RANGES, FORECAST_NOISE } from './shape';

/** Every supplier, every week; MAs received are counted from the MAs themselves, not stored here. */
export function weeklyDemand(ctx: SeedContext): WeeklyDemandRow[] {
  const r = new Random(ctx.seed, 0xfffffff1);
  const rows: WeeklyDemandRow[] = [];
  ctx.parties.suppliers.forEach((supplier, s) => {
    const [lo, hi] = DEMAND_BIAS_RANGES[supplier.bias];
    const bias = r.real(lo, hi);
    const received = ctx.received[s] as Int32Array;
    for (let i = 0; i <= ctx.lastPlannedWeekIndex; i++) {
      const week = ctx.week(i).week;
      let base = received[i] ?? 0;
      if (i > ctx.currentWeekIndex) {
        // Future weeks: the recent run rate, as MAs for them are still arriving.
        let recent = 0;
        for (let k = 1; k <= 4; k++) recent += received[ctx.currentWeekIndex - k] ?? 0;
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

/**
 * DCC's capacity per Migration Week (the Migration Scaling Methodology sets it; the documents give no number): the
 * run rate of the four weeks before the current one, times a per-week factor, so some coming weeks fill past it.
 */
export function migrationCapacity(ctx: SeedContext): MigrationCapacityRow[] {
  const r = new Random(ctx.seed, 0xfffffff3);
  let recent = 0;
  for (const counts of ctx.received) {
    for (let k = 1; k <= 4; k++) recent += counts[ctx.currentWeekIndex - k] ?? 0;
  }
  const runRate = recent / 4;
  const rows: MigrationCapacityRow[] = [];
  for (let i = 0; i <= ctx.lastPlannedWeekIndex; i++) {
    const factor = r.real(CAPACITY_OF_RUN_RATE[0], CAPACITY_OF_RUN_RATE[1]);
    rows.push({ migrationWeek: ctx.week(i).week, capacity: Math.round(runRate * factor) });
  }
  return rows;
}
