'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/forms/action-state';
import type { SitePageSaved } from '@/lib/site-pages/admin-actions';
import { FormField } from '../form-field';
import { SubmitButton } from './action-form';

/**
 * Edits one site page (About, Privacy…). The fields are state, so a refused save or a conflict
 * never loses what was typed; the version the editor started from goes with every save.
 */
export function SitePageForm({
  action,
  slug,
  initial,
  maxTitle,
  maxBody,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  slug: string;
  initial: { title: string; body: string; version: number };
  maxTitle: number;
  maxBody: number;
}) {
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  // An answer without a version (a form that did not parse) keeps the one the editor is at.
  const [state, formAction] = useActionState(
    async (previous: ActionState, formData: FormData) => {
      const next = await action(previous, formData);
      return next.extra === undefined ? { ...next, extra: previous.extra } : next;
    },
    { status: 'idle' },
  );
  const saved = state.extra as SitePageSaved | undefined;
  const version = saved?.version ?? initial.version;
  const theirs = saved?.theirs;
  return (
    <form action={formAction} className="site-page-form" aria-label="Edit page" noValidate>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <FormField
        id="page-title"
        name="title"
        label="Title"
        required
        maxLength={maxTitle}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        errors={state.fieldErrors?.title}
      />
      <FormField
        id="page-body"
        name="body"
        label="Text"
        multiline
        rows={24}
        required
        maxLength={maxBody}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        errors={state.fieldErrors?.body}
        hint="Markdown, as in articles: ## for a heading, - for a list item, [words](/address) for a link."
      />
      <div aria-live="polite" className="action-form__status">
        {state.message && (
          <p
            className={`form-message${state.status === 'error' ? ' form-message--error' : ''}`}
            role={state.status === 'error' ? 'alert' : undefined}
          >
            {state.message}
          </p>
        )}
      </div>
      {theirs && (
        <details open className="conflict">
          <summary>Their version, saved by {theirs.updatedBy ?? 'someone'}</summary>
          <p>
            <strong>{theirs.title}</strong>
          </p>
          <pre className="conflict__text">{theirs.body}</pre>
          <button
            type="button"
            className="button--quiet"
            onClick={() => {
              setTitle(theirs.title);
              setBody(theirs.body);
            }}
          >
            Use their version
          </button>
        </details>
      )}
      <SubmitButton pendingText="Saving…">Save and publish</SubmitButton>
    </form>
  );
}
