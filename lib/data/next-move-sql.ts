import 'server-only';
import { and, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
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
  // canonicalStep: no spaces, and "5.12(c)" written "5.12.(c)"; plain string functions, cheaper than a regex.
  const canonical = sql`replace(replace(translate(${trimmed}, ' ', ''), '(', '.('), '..(', '.(')`;
  const refs = [...TMAD_STEP_REFERENCES.map((r) => r.ref)].sort((a, b) => b.length - a.length);
  // Only a well-formed FailedStepNumber has a TMAD reference: the pattern is checked once a reference matches.
  const refCases = refs.map(
    (ref) =>
      sql`WHEN ${canonical} = ${ref} OR left(${canonical}, ${ref.length + 1}) = ${`${ref}.`}
        THEN CASE WHEN ${trimmed} ~ ${FAILED_STEP_PATTERN.source} THEN ${ref} ELSE 'other' END`,
  );
  return sql`(CASE
    WHEN ${step} IS NULL OR ${trimmed} = '' THEN 'none'
    WHEN upper(${trimmed}) IN (${sql.join(
      ERROR_CODES.map((e) => sql`${e.code}`),
      sql`, `,
    )}) THEN upper(${trimmed})
    ${sql.join(refCases, sql` `)}
    ELSE 'other' END)`;
}

const IS_KNOWN_CODE = inArray(i.lastCode, KNOWN_CODES);
/** The code as the table keys it: unknown codes are OTHER_CODE. */
const CODE_KEY = sql`(CASE WHEN ${IS_KNOWN_CODE} THEN ${i.lastCode} ELSE ${OTHER_CODE} END)`;

/**
 * The step class the rules read for the installation's last failure: its FailedStepNumber; for an unknown code with
 * none, the code itself when it is a FailedStepNumber (resolve.ts coreOf).
 */
export function nextMoveStepClass(): SQL {
  return stepClassSql(
    sql`(CASE WHEN ${IS_KNOWN_CODE} THEN ${i.lastFailedStep} ELSE coalesce(${i.lastFailedStep}, ${i.lastCode}) END)`,
  );
}

const text = (v: string | null | undefined) => sql`${v ?? null}::text`;

/** One VALUES row per code of each rule: (code, type, GroupID, meters?, electricity, gas, ToBeCommissionedByDCC, steps). */
function ruleRows(rules: readonly NextMoveRule[]): SQL[] {
  return rules.flatMap((rule) =>
    rule.codes.map(
      (code) =>
        sql`(${text(code)}, ${text(rule.installationType)}, ${text(rule.groupId)}, ${sql`${rule.meters !== undefined}::boolean`}, ${text(rule.meters?.[0])}, ${text(rule.meters?.[1])}, ${sql`${rule.toBeCommissionedByDcc ?? null}::boolean`}, ${
          rule.steps
            ? sql`ARRAY[${sql.join(
                rule.steps.map((s) => sql`${s}`),
                sql`, `,
              )}]::text[]`
            : sql`NULL::text[]`
        })`,
    ),
  );
}

/**
 * Installations with a next move that some rule of `rules` covers. The rules are a constant table joined on code and
 * type (a hash join, whatever the number of rules), so the query stays small; the step class is only computed for
 * the codes whose move depends on it.
 */
export function matchesRules(rules: readonly NextMoveRule[]): SQL {
  if (rules.length === 0) return sql`false`;
  return and(
    HAS_NEXT_MOVE,
    sql`EXISTS (SELECT 1 FROM (VALUES ${sql.join(ruleRows(rules), sql`, `)})
      AS t(code, type, group_id, by_meters, electricity, gas, tbc, steps)
      WHERE t.code = ${CODE_KEY} AND t.type = ${i.installationType}::text
        AND (t.group_id IS NULL OR t.group_id = ${i.groupId}::text)
        AND (NOT t.by_meters OR (t.electricity IS NOT DISTINCT FROM ${i.electricityState}::text
          AND t.gas IS NOT DISTINCT FROM ${i.gasState}::text))
        AND (t.tbc IS NULL OR t.tbc = ${i.toBeCommissionedByDcc})
        AND (t.steps IS NULL OR ${nextMoveStepClass()} = ANY (t.steps)))`,
  ) as SQL;
}

/** Installations whose last failure's next move is one of `kinds` (as the list's Next move column resolves it). */
export function nextMoveKindIn(kinds: readonly NextMoveKind[]): SQL {
  return matchesRules(NEXT_MOVE_TABLE.filter((r) => kinds.includes(r.kind)));
}
