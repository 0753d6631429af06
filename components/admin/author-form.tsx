'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/forms/action-state';
import type { MediaRef } from '@/lib/media/rules';
import { FormField } from '../form-field';
import { SubmitButton } from './action-form';
import { MediaPicker } from './media-picker';

type Values = { name: string; role: string; bio: string };
type State = ActionState<Values>;

/** An author's profile: byline name and role, and the bio and portrait on their page. */
export function AuthorForm({
  action,
  author,
  limits,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  author: Values & { id: number; photo: MediaRef | null };
  limits: Record<keyof Values, number>;
}) {
  const [values, setValues] = useState<Values>({ name: author.name, role: author.role, bio: author.bio });
  const [photo, setPhoto] = useState(author.photo);
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const field = (key: keyof Values) => ({
    name: key,
    value: values[key],
    maxLength: limits[key],
    errors: state.fieldErrors?.[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });
  return (
    <form action={formAction} aria-label={`Edit ${author.name}`} noValidate>
      <input type="hidden" name="id" value={author.id} />
      <FormField id="author-name" label="Name" required hint="As it appears in bylines." {...field('name')} />
      <FormField id="author-role" label="Role" hint="For example “Local government correspondent”. Optional." {...field('role')} />
      <FormField
        id="author-bio"
        label="Short bio"
        multiline
        rows={4}
        hint="Two or three sentences, on the author page. Optional."
        {...field('bio')}
      />
      <fieldset className="field image-fields">
        <legend>Photo</legend>
        <p className="hint">Optional. Shown round, beside the bio; a square picture of the face works best.</p>
        <MediaPicker value={photo} onChange={setPhoto} name="photoId" />
      </fieldset>
      <div aria-live="polite" className="action-form__status">
        {state.message && <p className={`form-message${state.status === 'error' ? ' form-message--error' : ''}`}>{state.message}</p>}
      </div>
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
    </form>
  );
}
