import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/providers/query-provider';
import { AppShell } from '@/components/shell/app-shell';
import { requireViewer } from '@/lib/auth/viewer';
import { getViewerOrganisation } from '@/lib/data/parties';
import { signOut } from './actions';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const organisation = await getViewerOrganisation(viewer);
  return (
    <AppShell viewer={viewer} organisation={organisation} signOut={signOut}>
      <QueryProvider>{children}</QueryProvider>
    </AppShell>
  );
}
