import type { ReactNode } from 'react';
import { areasFor, ROLE_LABELS } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { NavLinks } from './nav-links';

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
        <NavLinks items={areasFor(viewer).map(({ href, label }) => ({ href, label }))} />
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
