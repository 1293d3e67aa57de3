import type { Metadata } from 'next';
import { ComingSoon } from '@/components/ui/coming-soon';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Incidents' };

export default async function Page() {
  await requireViewer();
  return (
    <ComingSoon title="Incidents" summary="Incident queues by owning party, with target resolution times." />
  );
}
