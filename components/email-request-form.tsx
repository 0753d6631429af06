'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/forms/action-state';
import { FormField } from './form-field';

type State = ActionState<{ email: string }>;
type Action = (state: State, formData: FormData) => Promise<State>;

function SubmitButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? 'Sending…' : label}
    </button>
  );
}

/**
 * One address and one button that emails it a link (My data, proving a commenter's address). The
 * answer is said in place; a plain form post without JavaScript.
 */
export function EmailRequestForm({ action, id, submitLabel }: { action: Action; id: string; submitLabel: string }) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} className="my-data-form" noValidate>
      <FormField
        id={id}
        name="email"
        type="email"
        label="Email address"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={state.values?.email ?? ''}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton label={submitLabel} />
      <div aria-live="polite" role="status">
        {state.message && <p className={state.status === 'error' ? 'form-message form-message--error' : 'form-message'}>{state.message}</p>}
      </div>
    </form>
  );
}
