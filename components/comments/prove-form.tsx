'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ProveFormState } from '@/lib/comments/commenter-actions';
import { FormField } from '../form-field';

type Action = (state: ProveFormState, formData: FormData) => Promise<ProveFormState>;

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? 'Sending…' : 'Send me a link'}
    </button>
  );
}

/** Asks for a link that proves an address from this browser. A plain form post without JavaScript. */
export function ProveForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} className="my-data-form" noValidate>
      <FormField
        id="prove-email"
        name="email"
        type="email"
        label="Email address"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={state.values?.email ?? ''}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton />
      <div aria-live="polite" role="status">
        {state.message && <p className={state.status === 'error' ? 'form-message form-message--error' : 'form-message'}>{state.message}</p>}
      </div>
    </form>
  );
}
