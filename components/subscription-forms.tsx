'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/lib/forms/action-state';
import type { AddressFormState, SectionsFormState } from '@/lib/newsletter/actions';
import { FormField } from './form-field';

// The subscription page's forms (/newsletter/manage). Each is a plain form post to its server
// action without JavaScript (the page comes back with the answer), and answers in place with it.

function Submit({ children, pendingText, className }: { children: React.ReactNode; pendingText: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingText : children}
    </button>
  );
}

/**
 * The action's answer, in a live region. When the error belongs to a field and is shown beside it,
 * the region still says it (to a screen reader) but does not show it twice.
 */
function Answer({ state, shownAtField = false }: { state: ActionState<unknown>; shownAtField?: boolean }) {
  return (
    <div aria-live="polite" role="status">
      {state.message && (
        <p className={shownAtField ? 'visually-hidden' : `form-message${state.status === 'error' ? ' form-message--error' : ''}`}>
          {state.message}
        </p>
      )}
    </div>
  );
}

/**
 * Sections: "All sections, including new ones" (the default) or a box per section. With scripts,
 * ticking a section unticks All and the other way round; without, All wins when both are sent.
 * The boxes are uncontrolled: React resets a form after its action, and a reset puts every box
 * back to its default, so the defaults are what the form should show next (what was sent, after
 * an error; what is saved, otherwise).
 */
export function SectionsForm({
  action,
  sections,
  allSections,
  chosen,
}: {
  action: (state: SectionsFormState, formData: FormData) => Promise<SectionsFormState>;
  sections: { id: number; name: string }[];
  allSections: boolean;
  chosen: number[];
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const sent = state.status === 'error' ? state.values : undefined;
  const all = sent ? sent.all === 'on' : allSections;
  const picked = sent ? (sent.sections ?? []).map(Number) : chosen;
  const error = state.fieldErrors?.sections?.join(' ');
  const boxes = (form: HTMLFormElement | null, name: string) => [
    ...(form?.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]`) ?? []),
  ];
  return (
    <form action={formAction} className="subscription-form" aria-labelledby="sections-heading" noValidate>
      <fieldset
        key={JSON.stringify([all, picked])}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? 'sections-hint sections-error' : 'sections-hint'}
      >
        <legend>Send me the newsletter for</legend>
        <p id="sections-hint" className="hint">
          Issues we send to every reader come to you whatever you choose.
        </p>
        <label className="subscription-form__choice subscription-form__choice--all">
          <input
            type="checkbox"
            name="all"
            defaultChecked={all}
            onChange={(e) => {
              if (e.target.checked) for (const box of boxes(e.target.form, 'sections')) box.checked = false;
            }}
          />{' '}
          All sections, including new ones
        </label>
        <div className="subscription-form__sections">
          {sections.map((s) => (
            <label key={s.id} className="subscription-form__choice">
              <input
                type="checkbox"
                name="sections"
                value={s.id}
                defaultChecked={picked.includes(s.id)}
                onChange={(e) => {
                  if (e.target.checked) for (const box of boxes(e.target.form, 'all')) box.checked = false;
                }}
              />{' '}
              {s.name}
            </label>
          ))}
        </div>
        {error && (
          <p id="sections-error" className="field-error">
            {error}
          </p>
        )}
      </fieldset>
      <Answer state={state} shownAtField={Boolean(error)} />
      <Submit pendingText="Saving…">Save sections</Submit>
    </form>
  );
}

/** Pause for a month, or resume now. */
export function PauseForm({
  action,
  pausedUntil,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The end of the pause as the page shows it; null when not paused. */
  pausedUntil: string | null;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} className="subscription-form" aria-labelledby="pause-heading">
      {pausedUntil ? (
        <>
          <p>The newsletter starts again by itself on {pausedUntil}, or now if you resume it.</p>
          <input type="hidden" name="pause" value="resume" />
          <Answer state={state} />
          <Submit pendingText="Resuming…">Resume now</Submit>
        </>
      ) : (
        <>
          <p>Away for a while? Pause the newsletter for a month; it starts again by itself.</p>
          <input type="hidden" name="pause" value="pause" />
          <Answer state={state} />
          <Submit pendingText="Pausing…">Pause for a month</Submit>
        </>
      )}
    </form>
  );
}

/** Change the address: the new one gets a link to confirm it; the old one stays until then. */
export function AddressForm({
  action,
  pendingEmail,
}: {
  action: (state: AddressFormState, formData: FormData) => Promise<AddressFormState>;
  /** A change already waiting for its confirmation. */
  pendingEmail: string | null;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} className="subscription-form" aria-labelledby="address-heading" noValidate>
      {pendingEmail && state.status !== 'success' && (
        <p>
          We sent a link to <strong>{pendingEmail}</strong>. The newsletter moves there once it is opened; until then it keeps coming to
          your current address. To use another address, enter it below.
        </p>
      )}
      <FormField
        id="new-email"
        name="email"
        type="email"
        label="New email address"
        autoComplete="email"
        maxLength={254}
        required
        defaultValue={state.status === 'error' ? state.values?.email : ''}
        errors={state.fieldErrors?.email}
        hint="We send a link to the new address to confirm it is yours."
      />
      <Answer state={state} shownAtField={Boolean(state.fieldErrors?.email)} />
      <Submit pendingText="Sending…">Change address</Submit>
    </form>
  );
}
