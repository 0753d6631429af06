'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { SignInState } from '@/lib/auth/actions';

type Action = (state: SignInState, formData: FormData) => Promise<SignInState>;

function Submit() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending}>
      {pending ? 'Sending…' : 'Send sign-in link'}
    </button>
  );
}

export function SignInForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  if (state.status === 'success') {
    return (
      <p className="form-message" role="status">
        {state.message}
      </p>
    );
  }
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="sign-in-email">Email</label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values?.email ?? ''}
          aria-describedby={state.status === 'error' ? 'sign-in-error' : undefined}
        />
      </div>
      <div aria-live="polite">
        {state.status === 'error' && (
          <p id="sign-in-error" className="field-error">
            {state.message}
          </p>
        )}
      </div>
      <Submit />
    </form>
  );
}
