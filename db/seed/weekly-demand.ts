/** Report 8 (MEHRS 2.2.1): every supplier's forecast and DCC's commitment, against the MAs generated, every week. */
import type { SeedContext } from './context';
import { Random } from './random';
import type { WeeklyDemandRow } from './rows';
import { COMMITMENT_OF_FORECAST, DEMAND_BIAS_RANGES, FORECAST_NOISE } from './shape';

/** Every supplier, every week; received/valid are the MAs generated. Call after every installation. */
export function weeklyDemand(ctx: SeedContext): WeeklyDemandRow[] {
  const r = new Random(ctx.seed, 0xfffffff1);
  const rows: WeeklyDemandRow[] = [];
  ctx.parties.suppliers.forEach((supplier, s) => {
    const [lo, hi] = DEMAND_BIAS_RANGES[supplier.bias];
    const bias = r.real(lo, hi);
    const received = ctx.received[s] as Int32Array;
    const valid = ctx.valid[s] as Int32Array;
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
        authorisationsReceived: received[i] ?? 0,
        authorisationsValid: valid[i] ?? 0,
      });
    }
  });
  return rows;
}
