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
 *
 * The parts: shape.ts (the numbers), parties.ts, catalogue.ts (codes), rows.ts, meter-points.ts, context.ts (shared
 * state); meters.ts, authorisations.ts, attempts.ts and installation.ts (one installation's history), resolution.ts
 * (scenarios from lib/rules' resolver); incident-plans.ts and incidents.ts; weekly-demand.ts.
 */
import { type GenerateOptions, SeedContext } from './context';
import { generateInstallation } from './installation';
import type { PartyDirectory } from './parties';
import type { IncidentBundle, InstallationChunk, MigrationCapacityRow, WeeklyDemandRow } from './rows';
import { DEFAULT_CHUNK_SIZE } from './shape';
import { migrationCapacity, weeklyDemand } from './weekly-demand';

export class DemoGenerator {
  private readonly ctx: SeedContext;
  private generated = 0;

  constructor(options: GenerateOptions) {
    this.ctx = new SeedContext(options);
  }

  get parties(): PartyDirectory {
    return this.ctx.parties;
  }

  /** All installations, in id order, `size` at a time. Call once. */
  *chunks(size = DEFAULT_CHUNK_SIZE): Generator<InstallationChunk> {
    if (this.generated > 0) throw new Error('DemoGenerator.chunks() can only run once');
    for (let first = 1; first <= this.ctx.total; first += size) {
      const chunk: InstallationChunk = {
        installations: [],
        events: [],
        authorisations: [],
        triageDecisions: [],
      };
      const last = Math.min(this.ctx.total, first + size - 1);
      for (let id = first; id <= last; id++) generateInstallation(this.ctx, id, chunk);
      this.generated = last;
      yield chunk;
    }
  }

  private requireFinished(what: string): void {
    if (this.generated !== this.ctx.total) throw new Error(`Generate every chunk before the ${what}`);
  }

  /** Report 8 (MEHRS 2.2.1): every supplier's forecast and DCC's commitment, every week. */
  weeklyDemand(): WeeklyDemandRow[] {
    this.requireFinished('weekly demand');
    return weeklyDemand(this.ctx);
  }

  /** DCC's capacity per Migration Week (a demo assumption: no document gives one). */
  migrationCapacity(): MigrationCapacityRow[] {
    this.requireFinished('migration capacity');
    return migrationCapacity(this.ctx);
  }

  /** Incidents for every scenario MEHRS handles with an Incident (section 2), resolved and open. */
  incidents(): IncidentBundle {
    this.requireFinished('incidents');
    return this.ctx.incidents.bundle();
  }
}
