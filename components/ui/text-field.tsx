import type { InputHTMLAttributes } from 'react';

/** A labelled input whose first error is announced with it (aria-describedby) and marks it invalid. */
export function TextField({
  id,
  label,
  errors,
  ...input
}: { id: string; label: string; errors?: string[] } & InputHTMLAttributes<HTMLInputElement>) {
  const error = errors?.[0];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {error ? (
        <span id={`${id}-error`} className="form-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
