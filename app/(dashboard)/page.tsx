import type { Metadata } from 'next';
import { ComingSoon } from '@/components/ui/coming-soon';

export const metadata: Metadata = { title: 'Overview' };

export default function OverviewPage() {
  return (
    <ComingSoon
      title="Overview"
      summary="The migration at a glance: installations by stage and failure code."
    />
  );
}
