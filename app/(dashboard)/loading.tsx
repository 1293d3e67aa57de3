import { Skeleton } from '@/components/ui/skeleton';

// Shown inside the shell while any dashboard page's first read is on its way.
export default function DashboardLoading() {
  return (
    <div className="stack">
      <Skeleton label="the page" height="3rem" />
      <Skeleton label="the page’s figures" height="30rem" />
    </div>
  );
}
