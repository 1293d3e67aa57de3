import { Skeleton } from '@/components/ui/skeleton';

// The installation page's shape: facts, then the timeline (its longest read).
export default function InstallationLoading() {
  return (
    <div className="stack">
      <Skeleton label="the installation" height="3rem" />
      <Skeleton label="the installation’s facts" height="10rem" />
      <Skeleton label="the timeline" height="24rem" />
    </div>
  );
}
