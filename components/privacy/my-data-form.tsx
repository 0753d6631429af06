'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { MyDataFormState } from '@/lib/privacy/actions';
import { FormField } from '../form-field';

type Action = (state: MyDataFormState, formData: FormData) => Promise<MyDataFormState>;

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? 'Sending…' : 'Email me a link'}
    </button>
  );
}

/** The My data request: one address, one button. A plain form post without JavaScript. */
export function MyDataForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} className="my-data-form" noValidate>
      <FormField
        id="my-data-email"
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
