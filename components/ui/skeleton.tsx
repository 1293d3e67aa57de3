export function Skeleton({ label, height = '12rem' }: { label: string; height?: string }) {
  return (
    <div className="skeleton" style={{ minHeight: height }} role="status">
      <span className="visually-hidden">Loading {label}…</span>
    </div>
  );
}
