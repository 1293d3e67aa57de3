/**
 * The installations list's filter × sort × direction combinations a user can produce, generated from the list's own
 * URL schema (lib/filters/installations.ts): a filter or sort added there is benchmarked without editing this file,
 * and a new filter whose sample value the bench cannot guess stops the bench with a clear message instead of being
 * skipped.
 */
import { z } from 'zod';
import { installationListSchema } from '@/lib/filters/installations';

/** Sample values for the filters that are not enums (the bench reads them from the seeded data). */
export interface FreeFilterValues {
  supplier: number;
  weekFrom: string;
  weekTo: string;
  outcomeWeek: string;
  code: string;
  q: string;
}

/** A filter that means nothing without another one, and the one it needs. */
const NEEDS: Record<string, string> = { outcome: 'outcomeWeek' };
/** Not filters: paging and ordering. */
const NOT_FILTERS = new Set(['sort', 'dir', 'cursor']);
/** Filters users reach in one click from the overview (failed; failures by GroupID, stage and code). */
const COMMON_FILTERS: Record<string, string>[] = [
  { status: 'failed' },
  { status: 'failed', groupId: 'DA' },
  { status: 'failed', stage: 'device-validation' },
  { status: 'failed', code: '' /* the most common failure code */ },
];

function enumOptions(schema: z.ZodType): readonly string[] | null {
  let inner: z.ZodType = schema;
  // Unwrap .optional(), .catch() and .default() down to the value's own schema.
  while ('innerType' in inner._zod.def) inner = inner._zod.def.innerType as z.ZodType;
  return inner instanceof z.ZodEnum ? (inner.options as string[]) : null;
}

export type ListQuery = Record<string, string>;

/**
 * The unfiltered list, every filter alone and the common drill-downs, each with every sort and direction. An enum
 * filter's value rotates through its options from one ordering to the next, so every value is met.
 */
export function listCombinations(free: FreeFilterValues): ListQuery[] {
  // The schema ends in a transform (default direction per sort): its input object holds the fields.
  const shape = installationListSchema.in.shape as Record<string, z.ZodType>;
  const sorts = enumOptions(shape.sort as z.ZodType) ?? [];
  const dirs = enumOptions(shape.dir as z.ZodType) ?? [];
  const orderings = sorts.flatMap((sort) => dirs.map((dir) => ({ sort, dir })));
  const freeValues = free as unknown as Record<string, string | number>;
  const valueFor = (key: string, turn: number): string => {
    const options = enumOptions(shape[key] as z.ZodType);
    if (options) return options[turn % options.length] as string;
    const value = freeValues[key];
    if (value === undefined) {
      throw new Error(
        `bench/list-combinations.ts has no sample value for the list filter "${key}": add one.`,
      );
    }
    return String(value);
  };
  const filterKeys = Object.keys(shape).filter((key) => !NOT_FILTERS.has(key));
  const filtersAt = (turn: number): ListQuery[] => [
    {},
    ...filterKeys.map((key) => {
      const needed = NEEDS[key];
      return { [key]: valueFor(key, turn), ...(needed ? { [needed]: valueFor(needed, turn) } : {}) };
    }),
    ...COMMON_FILTERS.map((common) =>
      Object.fromEntries(Object.entries(common).map(([key, value]) => [key, value || valueFor(key, 0)])),
    ),
  ];
  return orderings.flatMap((ordering, turn) => filtersAt(turn).map((filter) => ({ ...filter, ...ordering })));
}
