import 'server-only';
import { and, eq, inArray, isNotNull, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { installations } from '@/db/schema';
import { ERROR_CODES, FAILED_STEP_PATTERN, REASON_CODES, TMAD_STEP_REFERENCES } from '@/lib/rules/codes';
import { type NextMoveRule, OTHER_CODE } from '@/lib/rules/next-move-table';
import { NEXT_MOVE_TABLE } from '@/lib/rules/next-move-table.generated';
import type { NextMoveKind } from '@/lib/rules/next-moves';

/**
 * The next move of an installation's last failure in SQL, from the rules' decision table (lib/rules/next-move-table.ts):
 * the list filters by owner and move without resolving rows one by one, and the overview counts what the rollups
 * cannot. tests/data/next-move-sql.test.ts checks it against resolveFailure row by row.
 */

const i = installations;
const KNOWN_CODES = [...REASON_CODES.map((c) => c.code), ...ERROR_CODES.map((c) => c.code)];

/** An installation the list resolves a next move for: its attempt failed or rolled back with a code. */
export const HAS_NEXT_MOVE: SQL = and(
  inArray(i.status, ['failed', 'rolled-back']),
  isNotNull(i.lastCode),
) as SQL;

/** stepClassOf (lib/rules/next-move-table.ts) in SQL: error code, longest TMAD reference, 'none' or 'other'. */
function stepClassSql(step: SQL): SQL {
  const trimmed = sql`btrim(${step})`;
  const canonical = sql`regexp_replace(regexp_replace(${trimmed}, '\\s+', '', 'g'), '(\\d)\\(', '\\1.(', 'g')`;
  const refs = [...TMAD_STEP_REFERENCES.map((r) => r.ref)].sort((a, b) => b.length - a.length);
  const refCases = refs.map(
    (ref) =>
      sql`WHEN ${canonical} = ${ref} OR left(${canonical}, ${ref.length + 1}) = ${`${ref}.`} THEN ${ref}`,
  );
  return sql`(CASE
    WHEN ${step} IS NULL OR ${trimmed} = '' THEN 'none'
    WHEN upper(${trimmed}) IN (${sql.join(
      ERROR_CODES.map((e) => sql`${e.code}`),
      sql`, `,
    )}) THEN upper(${trimmed})
    WHEN ${trimmed} !~ ${FAILED_STEP_PATTERN.source} THEN 'other'
    ${sql.join(refCases, sql` `)}
    ELSE 'other' END)`;
}

/** The rules read an unknown code given as a FailedStepNumber as the step when there is none (resolve.ts coreOf). */
const STEP_OF_KNOWN = stepClassSql(sql`${i.lastFailedStep}`);
const STEP_OF_OTHER = stepClassSql(sql`coalesce(${i.lastFailedStep}, ${i.lastCode})`);

/** The step class the rules read for the installation's last failure (known codes: its step; others: see above). */
export function nextMoveStepClass(): SQL {
  return sql`(CASE WHEN ${inArray(i.lastCode, KNOWN_CODES)} THEN ${STEP_OF_KNOWN} ELSE ${STEP_OF_OTHER} END)`;
}

/** The installations a rule of the table covers. */
export function ruleSql(rule: NextMoveRule): SQL {
  const other = rule.codes.includes(OTHER_CODE);
  const named = rule.codes.filter((c) => c !== OTHER_CODE);
  const code =
    other && named.length > 0
      ? or(inArray(i.lastCode, named), notInArray(i.lastCode, KNOWN_CODES))
      : other
        ? notInArray(i.lastCode, KNOWN_CODES)
        : inArray(i.lastCode, named);
  const clauses: (SQL | undefined)[] = [code, eq(i.installationType, rule.installationType)];
  if (rule.groupId) clauses.push(eq(i.groupId, rule.groupId));
  if (rule.meters) {
    const [electricity, gas] = rule.meters;
    clauses.push(sql`${i.electricityState} IS NOT DISTINCT FROM ${electricity}::meter_state`);
    clauses.push(sql`${i.gasState} IS NOT DISTINCT FROM ${gas}::meter_state`);
  }
  if (rule.toBeCommissionedByDcc !== undefined)
    clauses.push(eq(i.toBeCommissionedByDcc, rule.toBeCommissionedByDcc));
  if (rule.steps) {
    // A rule over known and unknown codes reads the step as each would.
    const step = other ? nextMoveStepClass() : STEP_OF_KNOWN;
    clauses.push(
      sql`${step} IN (${sql.join(
        rule.steps.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  }
  return and(...clauses) as SQL;
}

/** Installations whose last failure's next move is one of `kinds` (as the list's Next move column resolves it). */
export function nextMoveKindIn(kinds: readonly NextMoveKind[]): SQL {
  const rules = NEXT_MOVE_TABLE.filter((r) => kinds.includes(r.kind));
  if (rules.length === 0) return sql`false`;
  return and(HAS_NEXT_MOVE, or(...rules.map(ruleSql))) as SQL;
}
