import type { ReactNode } from 'react';

/**
 * Every area's filters: a plain GET form, so the URL holds the state (a view can be bookmarked and shared) and it
 * works without JavaScript. On a wide screen the fields sit in a row above the data; on a phone they fold behind
 * one "Filters" control (a native disclosure) so the data is on the first screen. Each area keeps its own fields.
 */
export function FilterBar({
  action,
  label = 'Filters',
  hidden = {},
  submitLabel = 'Apply filters',
  clearHref,
  children,
}: {
  action: string;
  /** The form's accessible name. */
  label?: string;
  /** State the form carries over unchanged (the sort, the queue shown). */
  hidden?: Record<string, string | number | undefined>;
  submitLabel?: string;
  /** Where "Clear" goes; no Clear button without it. */
  clearHref?: string;
  children: ReactNode;
}) {
  return (
    <details className="filter-bar card">
      <summary>{label}</summary>
      <form method="get" action={action} className="filters" aria-label={label}>
        {Object.entries(hidden).map(([name, value]) =>
          value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
        )}
        {children}
        <div className="filter-actions">
          <button className="button" type="submit">
            {submitLabel}
          </button>
          {clearHref ? (
            <a className="button secondary" href={clearHref}>
              Clear
            </a>
          ) : null}
        </div>
      </form>
    </details>
  );
}
