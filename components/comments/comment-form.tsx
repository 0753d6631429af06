'use client';

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useFormStatus } from 'react-dom';
import type { CommentFormState } from '@/lib/comments/actions';
import { PENDING_STORAGE_KEY } from '@/lib/comments/pending-keys';
import { COMMENT_POSTED_EVENT, readPendingToken } from './pending-comments';

type Action = (state: CommentFormState, formData: FormData) => Promise<CommentFormState>;

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? 'Posting…' : 'Post comment'}
    </button>
  );
}

const subscribeToPendingToken = (onChange: () => void) => {
  window.addEventListener(COMMENT_POSTED_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(COMMENT_POSTED_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
};

/** Sends this browser's earlier pending comments along, so the answer's list keeps them too. */
function PendingTokenField() {
  const token = useSyncExternalStore(subscribeToPendingToken, readPendingToken, () => null);
  return <input type="hidden" name="pending" value={token ?? ''} />;
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error">
      {errors.join(' ')}
    </p>
  );
}

/**
 * The comment form. Without JavaScript it is a plain POST to the server action; with it, it posts
 * in place and shows "Posting…". Replies: a Reply link (data-reply-to) sets the parent comment.
 */
export function CommentForm({
  action,
  stamp: initialStamp,
  articlePath,
  replyTo: initialReplyTo,
}: {
  action: Action;
  stamp: string;
  /** The article's own page, where "Cancel reply" leads without JavaScript. */
  articlePath: string;
  replyTo?: { id: number; name: string };
}) {
  const [initialState] = useState<CommentFormState>(() => ({ status: 'idle', extra: { stamp: initialStamp } }));
  const [state, formAction] = useActionState(action, initialState);
  const [reply, setReply] = useState(initialReplyTo && { target: initialReplyTo, since: initialState });
  const [fetchedStamp, setFetchedStamp] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  // A successful post ends the reply; choosing Reply afterwards starts a new one.
  const replyTo = reply && (state.status !== 'success' || reply.since === state) ? reply.target : undefined;
  const setReplyTo = (target?: { id: number; name: string }) => setReply(target && { target, since: state });
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

  useEffect(() => {
    if (state.status === 'success') {
      formRef.current?.reset();
      if (state.extra?.pending) {
        try {
          window.localStorage.setItem(PENDING_STORAGE_KEY, state.extra.pending);
        } catch {
          /* private mode without storage: no preview, the comment is stored all the same */
        }
      }
      window.dispatchEvent(new Event(COMMENT_POSTED_EVENT));
    }
  }, [state]);

  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[data-reply-to]');
      if (!link) return;
      event.preventDefault();
      const id = Number(link.getAttribute('data-reply-to'));
      // The name as the comment shows it (CommentView's author element).
      const name = document.getElementById(`comment-${id}-author`)?.textContent ?? '';
      setReply({ target: { id, name }, since: stateRef.current });
      formRef.current?.scrollIntoView({ block: 'start' });
      formRef.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  const describedBy = (field: string) => (errors?.[field as keyof typeof errors]?.length ? `comment-${field}-error` : undefined);

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
              if (initialReplyTo) return; // on the reply page: go back to the article
              event.preventDefault();
              setReplyTo(undefined);
            }}
          >
            Cancel reply
          </a>
        </p>
      )}
      <p className="hint">Your email address will not be published. Required fields are marked *</p>
      <div aria-live="polite" role="status">
        {state.message && (
          <p className={`form-message${state.status === 'error' ? ' form-message--error' : ''}`}>{state.message}</p>
        )}
      </div>
      <input type="hidden" name="stamp" value={stamp} />
      <PendingTokenField />
      <input type="hidden" name="parentId" value={replyTo?.id ?? ''} />
      <div className="field">
        <label htmlFor="comment-body">
          Comment <span aria-hidden="true">*</span>
        </label>
        <textarea
          id="comment-body"
          name="body"
          rows={6}
          required
          maxLength={5000}
          defaultValue={values?.body ?? ''}
          key={`body-${state.status}-${values?.body ?? ''}`}
          aria-invalid={Boolean(describedBy('body'))}
          aria-describedby={describedBy('body')}
        />
        <FieldError id="comment-body-error" errors={errors?.body} />
      </div>
      <div className="field">
        <label htmlFor="comment-name">
          Name <span aria-hidden="true">*</span>
        </label>
        <input
          id="comment-name"
          name="name"
          type="text"
          required
          maxLength={80}
          autoComplete="name"
          defaultValue={values?.name ?? ''}
          key={`name-${state.status}-${values?.name ?? ''}`}
          aria-invalid={Boolean(describedBy('name'))}
          aria-describedby={describedBy('name')}
        />
        <FieldError id="comment-name-error" errors={errors?.name} />
      </div>
      <div className="field">
        <label htmlFor="comment-email">
          Email <span aria-hidden="true">*</span>
        </label>
        <input
          id="comment-email"
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          defaultValue={values?.email ?? ''}
          key={`email-${state.status}-${values?.email ?? ''}`}
          aria-invalid={Boolean(describedBy('email'))}
          aria-describedby={describedBy('email')}
        />
        <FieldError id="comment-email-error" errors={errors?.email} />
      </div>
      <div className="field">
        <label htmlFor="comment-website">Website</label>
        <input
          id="comment-website"
          name="website"
          type="url"
          maxLength={200}
          autoComplete="url"
          placeholder="https://"
          defaultValue={values?.website ?? ''}
          key={`website-${state.status}-${values?.website ?? ''}`}
          aria-invalid={Boolean(describedBy('website'))}
          aria-describedby={describedBy('website')}
        />
        <FieldError id="comment-website-error" errors={errors?.website} />
      </div>
      <div className="hp" aria-hidden="true">
        <label htmlFor="comment-company">Leave this field empty</label>
        <input id="comment-company" name="company" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <SubmitButton />
    </form>
  );
}
