import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { safeRedirectTarget } from '@/lib/auth/redirect';
import { getViewer } from '@/lib/auth/viewer';
import { listDemoAccounts } from '@/lib/data/demo-accounts';
import { DEMO_PASSWORD } from '@/lib/demo';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const [{ next }, demoAccounts] = await Promise.all([searchParams, listDemoAccounts()]);
  if (await getViewer()) redirect(safeRedirectTarget(next));
  return (
    <main className="login">
      <div className="card">
        <h1>Sign in</h1>
        <p className="muted">Migration Control Centre dashboard</p>
        <LoginForm next={next} />
      </div>
      {demoAccounts.length > 0 ? (
        <section className="card" aria-labelledby="demo-accounts" style={{ marginTop: '1rem' }}>
          <h2 id="demo-accounts">Demo accounts</h2>
          <p className="muted">
            Demo data only. Every account uses the password <code>{DEMO_PASSWORD}</code>.
          </p>
          <ul>
            {demoAccounts.map((account) => (
              <li key={account.email}>
                <code>{account.email}</code> <span className="muted">({ROLE_LABELS[account.role]})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
