'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/forms/action-state';

type Action = (state: ActionState<Record<string, string>>, formData: FormData) => Promise<ActionState<Record<string, string>>>;

/** A form bound to a server action that answers with a message, shown in a live region. */
export const FLASH_EVENT = 'ledger:flash';

export function ActionForm({
  action,
  children,
  className,
  id,
  label,
  flash = false,
}: {
  action: Action;
  children: React.ReactNode;
  className?: string;
  id?: string;
  label?: string;
  /** Also announce the answer page-wide: for forms whose row disappears once the action succeeds. */
  flash?: boolean;
}) {
  const [state, formAction] = useActionState(
    flash
      ? async (previous: ActionState<Record<string, string>>, formData: FormData) => {
          const next = await action(previous, formData);
          window.dispatchEvent(new CustomEvent(FLASH_EVENT, { detail: next }));
          return next;
        }
      : action,
    { status: 'idle' },
  );
  return (
    <form action={formAction} className={className} id={id} aria-label={label}>
      {children}
      <div aria-live="polite" className="action-form__status">
        {state.message && <p className={`form-message${state.status === 'error' ? ' form-message--error' : ''}`}>{state.message}</p>}
      </div>
    </form>
  );
}

/** A submit button that shows it is working. */
export function SubmitButton({
  children,
  pendingText,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending || props.disabled} {...props}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
