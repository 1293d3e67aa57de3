import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Page not found' };

/**
 * An address that matches no page: signed in, it answers inside the shell (app/(dashboard)/not-found.tsx), with
 * the menu and a way back; signed out, it asks for sign-in first, as every dashboard page does.
 */
export default async function MissingPage() {
  await requireViewer();
  notFound();
}
