'use client';

import { SiteLink } from '@/components/site-link';
import { usePathname } from 'next/navigation';
import { useActionState, useId } from 'react';
import { useFormStatus } from 'react-dom';
import type { NewsletterFormState } from '@/lib/newsletter/actions';

type Action = (state: NewsletterFormState, formData: FormData) => Promise<NewsletterFormState>;

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? 'Processing…' : 'Subscribe'}
    </button>
  );
}

/** The newsletter sign-up box. Works without JavaScript as a plain POST to the server action. */
export function NewsletterForm({ action, intro }: { action: Action; intro?: string }) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const pathname = usePathname();
  const id = useId();
  const error = state.fieldErrors?.email?.join(' ');
  return (
    <section className="newsletter" aria-label="Newsletter">
      <h2 className="newsletter__title">Newsletter</h2>
      <p className="newsletter__intro">{intro ?? 'The week in public-sector technology, in your inbox every Friday. Free.'}</p>
      {state.status === 'success' ? (
        <p className="form-message" role="status">
          {state.message}
        </p>
      ) : (
        <form action={formAction} noValidate>
          <input type="hidden" name="source" value={pathname} />
          <div className="hp" aria-hidden="true">
            <label htmlFor={`${id}-nickname`}>Leave this field empty</label>
            <input id={`${id}-nickname`} name="nickname" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <label htmlFor={`${id}-email`} className="newsletter__label">
            Email address
          </label>
          <div className="newsletter__row">
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              defaultValue={state.values?.email ?? ''}
              key={state.values?.email ?? ''}
              aria-invalid={Boolean(error)}
              aria-describedby={state.status === 'error' ? `${id}-message` : undefined}
            />
            <SubmitButton />
          </div>
          <div aria-live="polite">
            {state.status === 'error' && (
              <p id={`${id}-message`} className="field-error">
                {state.message}
              </p>
            )}
          </div>
          <p className="hint newsletter__privacy">
            <SiteLink href="/privacy">How we use your data</SiteLink>
          </p>
        </form>
      )}
    </section>
  );
}
