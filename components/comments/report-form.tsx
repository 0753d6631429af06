'use client';

import { useActionState, useSyncExternalStore } from 'react';
import { useFormStatus } from 'react-dom';
import type { ReportFormState } from '@/lib/comments/actions';
import { FormField } from '../form-field';

type Action = (state: ReportFormState, formData: FormData) => Promise<ReportFormState>;

/** A random id this browser keeps, so that one browser reports a comment once whatever its address. */
const BROWSER_KEY = 'ledger:browser';

function browserId(): string {
  try {
    let id = window.localStorage.getItem(BROWSER_KEY);
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      id = crypto.randomUUID();
      window.localStorage.setItem(BROWSER_KEY, id);
    }
    return id;
  } catch {
    return '';
  }
}

const noChanges = () => () => {};

function SendButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? 'Sending…' : 'Send report'}
    </button>
  );
}

/**
 * The Report form: a reason, an optional note, Send report. A plain form post without
 * JavaScript (the page then shows the answer); with it, it answers in place.
 */
export function ReportForm({
  action,
  reasons,
  noteMax,
  backHref,
}: {
  action: Action;
  reasons: { value: string; label: string }[];
  noteMax: number;
  backHref: string;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  // Read after hydration (the server has no storage); it never changes, so nothing to subscribe to.
  const browser = useSyncExternalStore(noChanges, browserId, () => '');
  const errors = state.fieldErrors;
  if (state.status === 'success') {
    return (
      <div role="status">
        <p className="form-message">{state.message}</p>
        <p>
          <a href={backHref}>Back to the comments</a>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="report-form" noValidate>
      <div aria-live="polite" role="status">
        {state.message && <p className="form-message form-message--error">{state.message}</p>}
      </div>
      <fieldset
        className="field"
        aria-invalid={Boolean(errors?.reason?.length)}
        aria-describedby={errors?.reason?.length ? 'report-reason-error' : undefined}
      >
        <legend>Why are you reporting this comment?</legend>
        {reasons.map((r) => (
          <label key={r.value} className="report-form__choice">
            <input type="radio" name="reason" value={r.value} required defaultChecked={state.values?.reason === r.value} /> {r.label}
          </label>
        ))}
        {errors?.reason?.length ? (
          <p id="report-reason-error" className="field-error">
            {errors.reason.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <FormField
        id="report-note"
        name="note"
        label="Anything a moderator should know (optional)"
        multiline
        rows={4}
        maxLength={noteMax}
        hint={`Up to ${noteMax} characters. Moderators read it; nobody else does.`}
        defaultValue={state.values?.note}
        errors={errors?.note}
      />
      <input type="hidden" name="browser" value={browser} />
      <SendButton />
    </form>
  );
}
