import Link from 'next/link';

/** The 404 for a record that does not exist or that the viewer may not see: one message for both. */
export function NotFoundCard({
  thing,
  backHref,
  backLabel,
}: {
  thing: string;
  backHref: string;
  backLabel: string;
}) {
  return (
    <div className="card empty-state">
      <h1>{thing[0]?.toUpperCase() + thing.slice(1)} not found</h1>
      <p>There is no {thing} with this number that you can see.</p>
      <p>
        <Link href={backHref}>{backLabel}</Link>
      </p>
    </div>
  );
}
