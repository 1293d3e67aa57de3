import type { Metadata } from 'next';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/viewer';
import { listAccessEvents } from '@/lib/data/audit';
import { listVisibleSuppliers } from '@/lib/data/parties';
import { listUsers } from '@/lib/data/users';
import { formatLondonDateTime, formatUtc } from '@/lib/format';
import { setUserDisabledAction } from './actions';
import { DeleteUserButton } from './delete-user-button';
import { NewUserForm } from './new-user-form';
import { UserRowAction } from './user-row-action';

export const metadata: Metadata = { title: 'Users' };

/** How many of the latest sign-in and access events the page lists. */
const ACCESS_EVENTS_SHOWN = 100;

const ACCESS_EVENT_LABELS = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'sign-out': 'Signed out',
  'session-expired': 'Session expired',
  'access-refused': 'Access refused',
} as const;

function eventDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([key]) => key !== 'email')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

export default async function UsersPage() {
  const viewer = await requirePermission('users.manage');
  const [users, suppliers, events] = await Promise.all([
    listUsers(viewer),
    listVisibleSuppliers(viewer),
    listAccessEvents(viewer, ACCESS_EVENTS_SHOWN),
  ]);
  return (
    <div className="stack">
      <h1>Users</h1>
      <NewUserForm suppliers={suppliers} />
      <section className="card" aria-labelledby="all-users">
        <h2 id="all-users">All users ({users.length})</h2>
        <ScrollRegion label="All users">
          <table className="data" data-testid="users">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Supplier</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{ROLE_LABELS[u.role]}</td>
                  <td>{u.supplier ?? '—'}</td>
                  <td>{formatLondonDateTime(u.createdAt)}</td>
                  <td>{u.disabledAt ? `Disabled ${formatLondonDateTime(u.disabledAt)}` : 'Active'}</td>
                  <td>
                    {u.id === viewer.userId ? null : (
                      // Side by side: stacked, they would double every row's height.
                      <div className="button-row" style={{ flexWrap: 'nowrap', marginBottom: 0 }}>
                        <UserRowAction
                          action={setUserDisabledAction}
                          fields={{ userId: u.id, disabled: String(!u.disabledAt) }}
                          label={u.disabledAt ? 'Enable' : 'Disable'}
                          accessibleName={`${u.disabledAt ? 'Enable' : 'Disable'} ${u.email}`}
                        />
                        <DeleteUserButton userId={u.id} name={u.name} email={u.email} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      <section className="card" aria-labelledby="access-events">
        <h2 id="access-events">Sign-in and access events</h2>
        <p className="muted">The latest {ACCESS_EVENTS_SHOWN}, newest first.</p>
        <ScrollRegion label="Sign-in and access events">
          <table className="data" data-testid="access-events">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Account</th>
                <th scope="col">Client address</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{formatUtc(e.at)}</time>
                  </td>
                  <td>{ACCESS_EVENT_LABELS[e.action]}</td>
                  <td>{e.who ?? '—'}</td>
                  <td>{e.clientAddress ?? '—'}</td>
                  <td>{eventDetail(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </div>
  );
}
