import type { Metadata } from 'next';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/viewer';
import { listVisibleSuppliers } from '@/lib/data/parties';
import { listUsers } from '@/lib/data/users';
import { formatLondonDateTime } from '@/lib/format';
import { DeleteUserButton } from './delete-user-button';
import { NewUserForm } from './new-user-form';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const viewer = await requirePermission('users.manage');
  const [users, suppliers] = await Promise.all([listUsers(viewer), listVisibleSuppliers(viewer)]);
  return (
    <div className="stack">
      <h1>Users</h1>
      <NewUserForm suppliers={suppliers} />
      <section className="card" aria-labelledby="all-users">
        <h2 id="all-users">All users ({users.length})</h2>
        <div className="table-scroll">
          <table className="data" data-testid="users">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Supplier</th>
                <th scope="col">Created</th>
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
                  <td>
                    {u.id === viewer.userId ? null : (
                      <DeleteUserButton userId={u.id} name={u.name} email={u.email} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
