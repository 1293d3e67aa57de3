/**
 * The next move of an installation's last failure as a decision table over the installation's own columns, derived
 * from resolveFailure (resolve.ts) by evaluating it over every combination of the facts it reads. The data layer turns
 * the table into SQL (the list's `owner` and `move` filters) and into rollup lookups (the overview's counts), so
 * neither copies a rule. Building it takes seconds, so `npm run rules:next-move-table` writes it to
 * next-move-table.generated.ts, and next-move-table.test.ts fails when that file no longer matches resolve.ts.
 */
import { ERROR_CODES, errorCode, REASON_CODES, TMAD_STEP_REFERENCES, tmadStepReference } from './codes';
import type { NextMoveKind } from './next-moves';
import { resolveFailure } from './resolve';
import { GROUP_IDS, type GroupId, INSTALLATION_TYPES, type InstallationType, type MeterState } from './types';

/** A code the rules do not know: the table's rules for it apply to every such code. */
export const OTHER_CODE = '*';

/**
 * What a FailedStepNumber means to the rules: an error code given as the step, the TMAD reference it falls under,
 * 'none' (no step) or 'other' (not one the rules read).
 */
export const STEP_CLASSES = [
  'none',
  'other',
  ...ERROR_CODES.map((e) => e.code),
  ...TMAD_STEP_REFERENCES.map((r) => r.ref),
] as const;
export type StepClass = string;

export function stepClassOf(step: string | null): StepClass {
  const s = step?.trim();
  if (!s) return 'none';
  if (errorCode(s)) return s.toUpperCase();
  return tmadStepReference(s)?.ref ?? 'other';
}

/** The meters an installation of each type can have: [electricity, gas] (null: no such meter). */
export const METER_STATES_BY_TYPE: Record<
  InstallationType,
  readonly [MeterState | null, MeterState | null][]
> = {
  'active-only': [
    ['active', 'active'],
    ['active', null],
    [null, 'active'],
  ],
  'active-dormant': [
    ['active', 'dormant'],
    ['dormant', 'active'],
  ],
  'dormant-dormant': [
    ['dormant', 'dormant'],
    ['dormant', null],
    [null, 'dormant'],
  ],
};

/** The facts the list resolves a failure from (lib/data/failure-resolution.ts, with no MA or incident). */
export interface OwnFailureFacts {
  readonly code: string;
  readonly failedStep: string | null;
  readonly installationType: InstallationType;
  readonly groupId: GroupId;
  readonly meters: readonly [MeterState | null, MeterState | null];
  readonly toBeCommissionedByDcc: boolean;
}

export function nextMoveKindOf(f: OwnFailureFacts): NextMoveKind {
  return resolveFailure(
    { code: f.code, failedStepNumber: f.failedStep },
    {
      groupId: f.groupId,
      installationType: f.installationType,
      electricity: f.meters[0],
      gas: f.meters[1],
      toBeCommissionedByDcc: f.toBeCommissionedByDcc,
    },
  ).nextMove.kind;
}

/** The facts beyond code and type a rule can depend on, in the order the search tries them. */
const CONDITIONS = ['groupId', 'meters', 'toBeCommissionedByDcc', 'step'] as const;
type Condition = (typeof CONDITIONS)[number];

export interface NextMoveRule {
  /** The codes the rule covers; OTHER_CODE stands for every code the rules do not know. */
  readonly codes: readonly string[];
  readonly installationType: InstallationType;
  readonly groupId?: GroupId;
  readonly meters?: readonly [MeterState | null, MeterState | null];
  readonly toBeCommissionedByDcc?: boolean;
  /** The step classes (stepClassOf) the rule covers. */
  readonly steps?: readonly StepClass[];
  readonly kind: NextMoveKind;
}

interface Cell {
  readonly groupId: GroupId;
  readonly meters: readonly [MeterState | null, MeterState | null];
  readonly toBeCommissionedByDcc: boolean;
  readonly step: StepClass;
  readonly kind: NextMoveKind;
}

/** A FailedStepNumber standing for its class ('other': one the rules do not read). */
function sampleStep(step: StepClass): string | null {
  return step === 'none' ? null : step === 'other' ? '99.99' : step;
}

function cellsFor(code: string, installationType: InstallationType): Cell[] {
  const cells: Cell[] = [];
  for (const groupId of GROUP_IDS)
    for (const meters of METER_STATES_BY_TYPE[installationType])
      for (const toBeCommissionedByDcc of [false, true])
        for (const step of STEP_CLASSES) {
          const facts = { code, installationType, groupId, meters, toBeCommissionedByDcc };
          cells.push({ ...facts, step, kind: nextMoveKindOf({ ...facts, failedStep: sampleStep(step) }) });
        }
  return cells;
}

const valueKey = (cell: Cell, condition: Condition) => JSON.stringify(cell[condition]);

/** The smallest set of conditions the kind is a function of (all four at worst). */
function deciding(cells: readonly Cell[]): Condition[] {
  const subsets = Array.from({ length: 1 << CONDITIONS.length }, (_, mask) =>
    CONDITIONS.filter((_, i) => mask & (1 << i)),
  ).sort((a, b) => a.length - b.length);
  for (const subset of subsets) {
    const seen = new Map<string, NextMoveKind>();
    const decides = cells.every((cell) => {
      const key = subset.map((c) => valueKey(cell, c)).join('|');
      const kind = seen.get(key) ?? cell.kind;
      seen.set(key, kind);
      return kind === cell.kind;
    });
    if (decides) return subset;
  }
  return [...CONDITIONS];
}

function rulesFor(code: string, installationType: InstallationType): NextMoveRule[] {
  const cells = cellsFor(code, installationType);
  const conditions = deciding(cells);
  const byValues = new Map<string, NextMoveRule>();
  for (const cell of cells) {
    const others = conditions.filter((c) => c !== 'step');
    const key = `${others.map((c) => valueKey(cell, c)).join('|')}|${cell.kind}`;
    const existing = byValues.get(key);
    if (existing) {
      if (conditions.includes('step') && !existing.steps?.includes(cell.step)) {
        byValues.set(key, { ...existing, steps: [...(existing.steps ?? []), cell.step] });
      }
      continue;
    }
    byValues.set(key, {
      codes: [code],
      installationType,
      kind: cell.kind,
      ...(conditions.includes('groupId') ? { groupId: cell.groupId } : {}),
      ...(conditions.includes('meters') ? { meters: cell.meters } : {}),
      ...(conditions.includes('toBeCommissionedByDcc')
        ? { toBeCommissionedByDcc: cell.toBeCommissionedByDcc }
        : {}),
      ...(conditions.includes('step') ? { steps: [cell.step] } : {}),
    });
  }
  return [...byValues.values()];
}

/** Rules with the same conditions and kind become one rule over all their codes. */
function mergeCodes(rules: readonly NextMoveRule[]): NextMoveRule[] {
  const merged = new Map<string, NextMoveRule>();
  for (const rule of rules) {
    const { codes, ...rest } = rule;
    const key = JSON.stringify(rest);
    const existing = merged.get(key);
    merged.set(key, existing ? { ...existing, codes: [...existing.codes, ...codes] } : rule);
  }
  return [...merged.values()];
}

/**
 * The decision table: for every known code (and OTHER_CODE) and installation type, the next move kind, conditioned
 * only on the facts that change it.
 */
export function buildNextMoveTable(): NextMoveRule[] {
  return mergeCodes(
    [...REASON_CODES.map((c) => c.code), ...ERROR_CODES.map((c) => c.code), OTHER_CODE].flatMap((code) =>
      INSTALLATION_TYPES.flatMap((type) => rulesFor(code === OTHER_CODE ? 'NOT-A-CODE' : code, type)).map(
        (rule) => (code === OTHER_CODE ? { ...rule, codes: [OTHER_CODE] } : rule),
      ),
    ),
  );
}

/** A rule that the rollups can count: it depends on no fact beyond code, type and GroupID. */
export function isRollupRule(rule: NextMoveRule): boolean {
  return rule.meters === undefined && rule.toBeCommissionedByDcc === undefined && rule.steps === undefined;
}

/** The facts a table rule is matched on: the installation's columns, its step read as stepClassOf reads it. */
export interface TableFacts {
  readonly code: string;
  readonly installationType: InstallationType;
  readonly groupId: GroupId;
  readonly meters?: readonly [MeterState | null, MeterState | null];
  readonly toBeCommissionedByDcc?: boolean;
  readonly step?: StepClass;
}

function coversCode(rule: NextMoveRule, code: string, known: ReadonlySet<string>): boolean {
  return rule.codes.includes(code) || (!known.has(code) && rule.codes.includes(OTHER_CODE));
}

const KNOWN_CODES: ReadonlySet<string> = new Set([
  ...REASON_CODES.map((c) => c.code),
  ...ERROR_CODES.map((c) => c.code),
]);

/** The rules of the table that apply to a code and installation type (all with the same conditions). */
export function rulesForKey(
  table: readonly NextMoveRule[],
  code: string,
  installationType: InstallationType,
): NextMoveRule[] {
  return table.filter((r) => r.installationType === installationType && coversCode(r, code, KNOWN_CODES));
}

/** The table's kind for these facts, or undefined when a fact a matching rule needs is not given. */
export function kindFromTable(table: readonly NextMoveRule[], f: TableFacts): NextMoveKind | undefined {
  return rulesForKey(table, f.code, f.installationType).find(
    (r) =>
      (r.groupId === undefined || r.groupId === f.groupId) &&
      (r.meters === undefined ||
        (f.meters !== undefined && r.meters[0] === f.meters[0] && r.meters[1] === f.meters[1])) &&
      (r.toBeCommissionedByDcc === undefined || r.toBeCommissionedByDcc === f.toBeCommissionedByDcc) &&
      (r.steps === undefined || (f.step !== undefined && r.steps.includes(f.step))),
  )?.kind;
}
