import { type ReactNode, useId } from 'react';

/** A titled card section: the heading labels the region, with an id React generates (no id collisions). */
export function SectionCard({
  title,
  level = 2,
  actions,
  testId,
  children,
}: {
  title: ReactNode;
  level?: 2 | 3;
  /** Controls shown beside the heading (a download link, a live-status toggle). */
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="card" aria-labelledby={id} data-testid={testId}>
      {actions ? (
        <div className="page-header">
          <Heading id={id}>{title}</Heading>
          {actions}
        </div>
      ) : (
        <Heading id={id}>{title}</Heading>
      )}
      {children}
    </section>
  );
}
