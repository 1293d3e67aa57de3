import { Skeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <div className="stack">
      <h1>Demand against commitment</h1>
      <Skeleton label="Report 8" height="30rem" />
      <Skeleton label="the planned volume" height="20rem" />
    </div>
  );
}
