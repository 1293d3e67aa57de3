import type { ReactNode } from 'react';
import { ROLE_LABELS, type Viewer } from '@/lib/auth/viewer';
import { type NavItem, NavLinks } from './nav-links';

/** The product's areas; MCC-only areas are hidden from suppliers (their pages refuse them too). */
function navigationFor(viewer: Viewer): NavItem[] {
  const mcc = viewer.role !== 'supplier';
  return [
    { href: '/', label: 'Overview' },
    { href: '/installations', label: 'Installations' },
    { href: '/incidents', label: 'Incidents' },
    ...(mcc ? [{ href: '/triage', label: 'Dormant triage' }] : []),
    { href: '/demand', label: 'Demand' },
    { href: '/reports', label: 'Reports' },
    ...(viewer.role === 'admin' ? [{ href: '/admin/users', label: 'Users' }] : []),
  ];
}

export function AppShell({
  viewer,
  organisation,
  signOut,
  children,
}: {
  viewer: Viewer;
  organisation: string | null;
  /** The sign-out server action (it lives beside its route, app/(dashboard)/actions.ts). */
  signOut: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <nav className="shell-nav" aria-label="Main">
        <div className="shell-brand">
          Migration Control Centre
          <small>SMETS1 migration</small>
        </div>
        <NavLinks items={navigationFor(viewer)} />
      </nav>
      <div className="shell-main">
        <header className="shell-header">
          <div className="shell-user" data-testid="signed-in-user">
            <strong>{viewer.name}</strong>
            <span className="muted">
              {ROLE_LABELS[viewer.role]}
              {organisation ? ` · ${organisation}` : ''}
            </span>
          </div>
          <form action={signOut}>
            <button className="button secondary" type="submit">
              Sign out
            </button>
          </form>
        </header>
        <main id="main" className="shell-content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
