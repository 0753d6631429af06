'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';
import type { CommentFormState } from '@/lib/comments/actions';
import { FormField } from '../form-field';
import { useComments } from './comments-context';

type Action = (state: CommentFormState, formData: FormData) => Promise<CommentFormState>;

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? 'Posting…' : 'Post comment'}
    </button>
  );
}

/**
 * The comment form. Without JavaScript it is a plain POST to the server action; with it, it posts
 * in place and shows "Posting…". Reply in the thread sets the comment it answers.
 */
export function CommentForm({
  action,
  stamp: initialStamp,
  articlePath,
  onReplyPage = false,
}: {
  action: Action;
  stamp: string;
  /** The article's own page, where "Cancel reply" leads without JavaScript. */
  articlePath: string;
  /** On the reply page (no thread around it), "Cancel reply" goes back to the article. */
  onReplyPage?: boolean;
}) {
  const { replyTo, setReplyTo, pendingToken, posted } = useComments();
  const [state, formAction] = useActionState(action, { status: 'idle', extra: { stamp: initialStamp } });
  const [fetchedStamp, setFetchedStamp] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  // The newest stamp wins: from the last answer, else fetched fresh, else the cached page's own.
  const stamp = (state.status !== 'idle' ? state.extra?.stamp : undefined) ?? fetchedStamp ?? initialStamp;
  const values = state.status === 'error' ? state.values : undefined;
  const errors = state.fieldErrors;

  // The page is cached, so its stamp is as old as the cache entry: ask for a fresh one.
  useEffect(() => {
    fetch('/api/comments/stamp', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((data: { stamp?: string } | null) => data?.stamp && setFetchedStamp(data.stamp))
      .catch(() => undefined);
  }, []);

  // A successful post ends the reply and shows the comment to its author.
  useEffect(() => {
    if (state.status !== 'success') return;
    formRef.current?.reset();
    setReplyTo(undefined);
    posted(state.extra?.pending);
  }, [state, setReplyTo, posted]);

  // Reply pressed in the thread: bring the form to the reader.
  const chosen = useRef(replyTo?.id);
  useEffect(() => {
    if (!replyTo || replyTo.id === chosen.current) return;
    chosen.current = replyTo.id;
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector('textarea')?.focus();
  }, [replyTo]);

  return (
    <form ref={formRef} action={formAction} className="comment-form" noValidate aria-labelledby="respond-heading">
      <h2 id="respond-heading" className="block-title">
        {replyTo ? `Reply to ${replyTo.name}` : 'Leave a reply'}
      </h2>
      {replyTo && (
        <p className="hint">
          Replying to <a href={`#comment-${replyTo.id}`}>{replyTo.name}</a>.{' '}
          {/* A link, so it works without JavaScript too (from the reply page back to the article). */}
          <a
            href={`${articlePath}#respond`}
            onClick={(event) => {
              if (onReplyPage) return;
              event.preventDefault();
              chosen.current = undefined;
              setReplyTo(undefined);
            }}
          >
            Cancel reply
          </a>
        </p>
      )}
      <p className="hint">Your email address will not be published. Required fields are marked *</p>
      <div aria-live="polite" role="status">
        {state.message && <p className={`form-message${state.status === 'error' ? ' form-message--error' : ''}`}>{state.message}</p>}
      </div>
      <input type="hidden" name="stamp" value={stamp} />
      {/* Sends this browser's earlier pending comments along, so the answer's list keeps them too. */}
      <input type="hidden" name="pending" value={pendingToken ?? ''} />
      <input type="hidden" name="parentId" value={replyTo?.id ?? ''} />
      <FormField
        id="comment-body"
        name="body"
        label="Comment"
        multiline
        rows={6}
        required
        maxLength={5000}
        defaultValue={values?.body}
        errors={errors?.body}
      />
      <FormField
        id="comment-name"
        name="name"
        label="Name"
        required
        maxLength={80}
        autoComplete="name"
        defaultValue={values?.name}
        errors={errors?.name}
      />
      <FormField
        id="comment-email"
        name="email"
        label="Email"
        type="email"
        required
        maxLength={254}
        autoComplete="email"
        defaultValue={values?.email}
        errors={errors?.email}
      />
      <FormField
        id="comment-website"
        name="website"
        label="Website"
        type="url"
        maxLength={200}
        autoComplete="url"
        placeholder="https://"
        defaultValue={values?.website}
        errors={errors?.website}
      />
      <div className="hp" aria-hidden="true">
        <label htmlFor="comment-company">Leave this field empty</label>
        <input id="comment-company" name="company" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <SubmitButton />
    </form>
  );
}
