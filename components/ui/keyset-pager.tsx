import Link from 'next/link';

/** Keyset paging links: "First page" once the reader has moved on, "Next page" while there is more. */
export function KeysetPager({ firstHref, nextHref }: { firstHref: string | null; nextHref: string | null }) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {firstHref ? (
        <Link className="button secondary" href={firstHref}>
          First page
        </Link>
      ) : null}
      {nextHref ? (
        <Link className="button secondary" href={nextHref}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
