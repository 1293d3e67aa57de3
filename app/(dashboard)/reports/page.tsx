import type { Metadata } from 'next';
import { ComingSoon } from '@/components/ui/coming-soon';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Reports' };

export default async function Page() {
  await requireViewer();
  return <ComingSoon title="Reports" summary="Supplier-facing reports and CSV exports." />;
}
