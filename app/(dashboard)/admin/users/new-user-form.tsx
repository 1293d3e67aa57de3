'use client';

import { useActionState, useState } from 'react';
import type { SupplierOption } from '@/lib/data/parties';
import { createUserAction } from './actions';

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.[0] ? (
    <span id={id} className="form-error">
      {errors[0]}
    </span>
  ) : null;
}

export function NewUserForm({ suppliers }: { suppliers: SupplierOption[] }) {
  const [state, action, pending] = useActionState(createUserAction, undefined);
  const [role, setRole] = useState('supplier');
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const described = (field: string) =>
    errors?.[field] ? { 'aria-describedby': `${field}-error`, 'aria-invalid': true } : {};
  return (
    <form action={action} className="card" aria-labelledby="new-user">
      <h2 id="new-user">Add a user</h2>
      <div aria-live="polite">
        {state?.ok ? <p className="advice">User created. They can sign in now.</p> : null}
        {state && !state.ok ? <p className="form-error">{state.message}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="u-name">Name</label>
        <input
          id="u-name"
          name="name"
          autoComplete="off"
          defaultValue={values?.name}
          {...described('name')}
        />
        <FieldError id="name-error" errors={errors?.name} />
      </div>
      <div className="field">
        <label htmlFor="u-email">Email address</label>
        <input
          id="u-email"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={values?.email}
          {...described('email')}
        />
        <FieldError id="email-error" errors={errors?.email} />
      </div>
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
            {...described('supplierId')}
          >
            <option value="">Choose a supplier</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError id="supplierId-error" errors={errors?.supplierId} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="u-password">Initial password</label>
        <input
          id="u-password"
          name="password"
          type="password"
          autoComplete="new-password"
          {...described('password')}
        />
        <FieldError id="password-error" errors={errors?.password} />
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add user'}
      </button>
    </form>
  );
}
