import { addMigrationWeeks, migrationWeekOf } from '@/lib/rules/weeks';

/** This Migration Week and the previous one, for "this week against last week". */
export function currentAndPreviousWeek(now: Date): { current: string; previous: string } {
  const current = migrationWeekOf(now);
  return { current, previous: addMigrationWeeks(current, -1) };
}
