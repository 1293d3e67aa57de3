import type { Metadata } from 'next';
import { ComingSoon } from '@/components/ui/coming-soon';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Demand' };

export default async function Page() {
  await requireViewer();
  return (
    <ComingSoon
      title="Demand"
      summary="Authorisations received against DCC's commitment, week by week (Report 8)."
    />
  );
}
