'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/ui/text-field';
import { signIn } from './actions';

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signIn, undefined);
  const failure = state && !state.ok ? state : undefined;
  return (
    <form action={action} noValidate>
      <div aria-live="polite">
        {failure ? (
          <p className="form-error" role="alert" data-testid="login-error">
            {failure.message}
          </p>
        ) : null}
      </div>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        id="email"
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        required
        defaultValue={failure?.values?.email}
        errors={failure?.fieldErrors?.email}
      />
      <TextField
        id="password"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={failure?.fieldErrors?.password}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
