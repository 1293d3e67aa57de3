import Link from 'next/link';

// A dashboard area the viewer may not use answers exactly like one that does not exist, inside the shell.
export default function DashboardNotFound() {
  return (
    <div className="card empty-state">
      <h1>This page could not be found</h1>
      <p>There is no page at this address that you can see.</p>
      <p>
        <Link href="/">Go to the overview</Link>
      </p>
    </div>
  );
}
