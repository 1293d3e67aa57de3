import Link from 'next/link';

export default function InstallationNotFound() {
  return (
    <div className="card empty-state">
      <h1>Installation not found</h1>
      <p>There is no installation with this number that you can see.</p>
      <p>
        <Link href="/installations">Back to installations</Link>
      </p>
    </div>
  );
}
