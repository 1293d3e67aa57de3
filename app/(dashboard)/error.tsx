'use client';

import { ErrorPanel } from '@/components/states/error-panel';

// Covers every dashboard segment: it renders inside the dashboard layout, so the shell and its nav stay.
export default function DashboardError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel {...props} />;
}
