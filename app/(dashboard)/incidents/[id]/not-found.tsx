import Link from 'next/link';

export default function IncidentNotFound() {
  return (
    <div className="card empty-state">
      <h1>Incident not found</h1>
      <p>There is no incident with this number that you can see.</p>
      <p>
        <Link href="/incidents">Back to incidents</Link>
      </p>
    </div>
  );
}
