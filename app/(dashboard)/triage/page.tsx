import type { Metadata } from 'next';
import { ComingSoon } from '@/components/ui/coming-soon';
import { requirePermission } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Dormant triage' };

export default async function TriagePage() {
  // Dormant triage is the MCC's job (MEHRS section 4): suppliers do not have this area.
  await requirePermission('triage.view');
  return (
    <ComingSoon
      title="Dormant triage"
      summary="Failed dormant installations awaiting the MCC's decision (MEHRS section 4)."
    />
  );
}
