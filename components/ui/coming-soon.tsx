export function ComingSoon({ title, summary }: { title: string; summary: string }) {
  return (
    <>
      <h1>{title}</h1>
      <div className="card empty-state">
        <p>{summary}</p>
        <p>Coming: this area is being built.</p>
      </div>
    </>
  );
}
