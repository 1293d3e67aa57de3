import type { Metadata } from 'next';
import { ComingSoon } from '@/components/ui/coming-soon';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Installations' };

export default async function Page() {
  await requireViewer();
  return <ComingSoon title="Installations" summary="Installations by stage, status and failure code." />;
}
