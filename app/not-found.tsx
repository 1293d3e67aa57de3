import Link from 'next/link';

// An address that matches no page, outside the signed-in shell.
export default function NotFound() {
  return (
    <main id="main" className="shell-content">
      <div className="card empty-state">
        <h1>This page could not be found</h1>
        <p>There is no page at this address.</p>
        <p>
          <Link href="/">Go to the overview</Link>
        </p>
      </div>
    </main>
  );
}
