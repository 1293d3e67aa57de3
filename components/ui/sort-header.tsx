import Link from 'next/link';

export type SortDirection = 'asc' | 'desc';

/**
 * A column header that sorts: a link to the same view in the other order (or, when the column is not the current
 * sort, in its own first direction), so sorting works without JavaScript and can be bookmarked.
 */
export function SortHeader({
  label,
  active,
  direction,
  href,
  nextDirectionLabel,
}: {
  label: string;
  /** The list is sorted by this column, in `direction`. */
  active: boolean;
  direction: SortDirection;
  href: string;
  /** What following the link does, for screen readers ("highest first"). */
  nextDirectionLabel: string;
}) {
  return (
    <Link href={href} className="sort-link">
      {label}
      {active ? <span aria-hidden="true">{direction === 'desc' ? ' ↓' : ' ↑'}</span> : null}
      <span className="visually-hidden">, sort {nextDirectionLabel}</span>
    </Link>
  );
}

export function ariaSort(active: boolean, direction: SortDirection) {
  return active
    ? { 'aria-sort': direction === 'desc' ? ('descending' as const) : ('ascending' as const) }
    : {};
}
