import type { IsoDate } from '@/lib/rules/weeks';
import type { ImportKind } from './kinds';
import type { FileImportProblem, RowsByKind } from './rows';
import type { EventInsert, InstallationState, Tx } from './store';

/** Who submits a file: a user (a supplier user is scoped to its own supplier), or the command line. */
export interface ImportActor {
  readonly userId: string | null;
  /** Set for a supplier user's upload: it may only submit its own Migration Authorisations. */
  readonly supplierId: number | null;
}

export interface ImportContext {
  readonly tx: Tx;
  readonly now: Date;
  /** Today in Great Britain (MA004, MA006). */
  readonly today: IsoDate;
  readonly actor: ImportActor;
  /** Supplier SEC party id → party id. */
  readonly suppliers: ReadonlyMap<string, number>;
  /** Party id → supplier SEC party id. */
  readonly secOf: ReadonlyMap<number, string>;
  readonly dccPartyId: number | null;
  /** Set once the file is being applied. */
  fileImportId: number;
}

export interface ChunkResult {
  /** Rows that changed something. */
  readonly applied: number;
  /** Rows reported and not applied (replay, out of order). */
  readonly skipped: FileImportProblem[];
  /** Notes on rows that did apply (e.g. an MA completed whose installation had already moved on). */
  readonly notes?: FileImportProblem[];
}

/** One file kind: its database checks (pass 1, nothing written) and how its rows apply (pass 2). */
export interface KindHandler<K extends ImportKind> {
  check(ctx: ImportContext, rows: readonly RowsByKind[K][]): Promise<FileImportProblem[]>;
  apply(ctx: ImportContext, rows: readonly RowsByKind[K][]): Promise<ChunkResult>;
}

/** A chunk's pending installation changes and events, flushed together. */
export class ChunkChanges {
  readonly events: EventInsert[] = [];
  private readonly changed = new Map<number, InstallationState>();

  record(state: InstallationState, event: Omit<EventInsert, 'installationId' | 'attempt'>): void {
    this.events.push({ installationId: state.id, attempt: state.attemptCount, ...event });
    state.changed = true;
    this.changed.set(state.id, state);
  }

  installations(): InstallationState[] {
    return [...this.changed.values()];
  }
}
