'use client';

import { useActionState, useState } from 'react';
import { TextField } from '@/components/ui/text-field';
import type { SupplierOption } from '@/lib/data/parties';
import { createUserAction } from './actions';

export function NewUserForm({ suppliers }: { suppliers: SupplierOption[] }) {
  const [state, action, pending] = useActionState(createUserAction, undefined);
  const [role, setRole] = useState('supplier');
  const failure = state && !state.ok ? state : undefined;
  const errors = failure?.fieldErrors;
  const values = failure?.values;
  return (
    <form action={action} className="card" aria-labelledby="new-user">
      <h2 id="new-user">Add a user</h2>
      <div aria-live="polite">
        {state?.ok ? <p className="advice">User created. They can sign in now.</p> : null}
        {failure ? <p className="form-error">{failure.message}</p> : null}
      </div>
      <TextField
        id="u-name"
        name="name"
        label="Name"
        autoComplete="off"
        defaultValue={values?.name}
        errors={errors?.name}
      />
      <TextField
        id="u-email"
        name="email"
        label="Email address"
        type="email"
        autoComplete="off"
        defaultValue={values?.email}
        errors={errors?.email}
      />
      <div className="field">
        <label htmlFor="u-role">Role</label>
        <select id="u-role" name="role" value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="supplier">Supplier user</option>
          <option value="analyst">MCC analyst</option>
          <option value="admin">Administrator</option>
        </select>
      </div>
      {role === 'supplier' ? (
        <div className="field">
          <label htmlFor="u-supplier">Supplier</label>
          {/* Keyed so a refused form re-selects the submitted supplier: React sets a select's default only on mount. */}
          <select
            key={values?.supplierId ?? ''}
            id="u-supplier"
            name="supplierId"
            defaultValue={values?.supplierId ?? ''}
            aria-invalid={errors?.supplierId ? true : undefined}
            aria-describedby={errors?.supplierId ? 'u-supplier-error' : undefined}
          >
            <option value="">Choose a supplier</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {errors?.supplierId ? (
            <span id="u-supplier-error" className="form-error">
              {errors.supplierId[0]}
            </span>
          ) : null}
        </div>
      ) : null}
      <TextField
        id="u-password"
        name="password"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        errors={errors?.password}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add user'}
      </button>
    </form>
  );
}
