import type { ReactNode } from 'react';

/**
 * A wide table's own horizontal scroll container, so it never widens the page on a phone. It is a labelled tab
 * stop: a keyboard user must be able to scroll it even when nothing inside can take focus (WCAG 2.1.1).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      className="table-scroll"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
    >
      {children}
    </section>
  );
}
