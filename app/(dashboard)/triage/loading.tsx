import { Skeleton } from '@/components/ui/skeleton';

export default function TriageLoading() {
  return (
    <div className="stack">
      <h1>Dormant triage</h1>
      <Skeleton label="the triage queue" height="30rem" />
    </div>
  );
}
