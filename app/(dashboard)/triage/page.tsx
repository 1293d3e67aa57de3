import type { Metadata } from 'next';
import { ComingSoon } from '@/components/ui/coming-soon';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Dormant triage' };

export default async function Page() {
  await requireViewer();
  return (
    <ComingSoon
      title="Dormant triage"
      summary="Failed dormant installations awaiting the MCC's decision (MEHRS section 4)."
    />
  );
}
