'use client';

import { SiteLink } from '@/components/site-link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState } from 'react';
import { useFormStatus } from 'react-dom';
import type { CommentFormState } from '@/lib/comments/actions';
import { FormField } from '../form-field';
import { useComments, type Commenter, type FormCarry } from './comments-context';

type Action = (state: CommentFormState, formData: FormData) => Promise<CommentFormState>;

/** Where "Save my name, email, and website" keeps them: this browser only, never a cookie. */
const REMEMBER_KEY = 'ledger:commenter';
type Remembered = { name: string; email: string; website: string };

function readRemembered(): Remembered | null {
  try {
    const raw = window.localStorage.getItem(REMEMBER_KEY);
    const value = raw ? (JSON.parse(raw) as Partial<Remembered>) : null;
    return value && typeof value.name === 'string' ? { name: value.name, email: value.email ?? '', website: value.website ?? '' } : null;
  } catch {
    return null;
  }
}

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
 * in place and shows "Posting…". Reply in the thread opens it under the comment it answers.
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
  const { replyTo, setReplyTo, pendingToken, posted, form: movable, carry, snapshot } = useComments();
  // Reply and Cancel move the form (a new instance each time): what it held comes along.
  const [carried] = useState(() => carry.current);
  const [state, formAction] = useActionState(action, { status: 'idle', extra: { stamp: initialStamp } });
  const [remembered, setRemembered] = useState<Remembered | null>(null);
  // What was sent, kept until the answer: only a comment that was accepted saves the details.
  const sent = useRef<{ remember: boolean; details: Remembered } | null>(null);
  // A form moved by Reply or Cancel keeps the stamp it had: the time the reader started writing.
  const [fetchedStamp, setFetchedStamp] = useState<string | undefined>(carried?.stamp);
  const formRef = useRef<HTMLFormElement>(null);
  // The newest stamp wins: from the last answer, else fetched fresh, else the cached page's own.
  const stamp = (state.status !== 'idle' ? state.extra?.stamp : undefined) ?? fetchedStamp ?? initialStamp;
  const values: Partial<Record<'body' | 'name' | 'email' | 'website' | 'notify', string>> | undefined =
    state.status === 'error' ? state.values : (carried?.values ?? remembered ?? undefined);
  const message = state.status === 'idle' ? carried?.message : state.message;
  const stampNow = useRef(stamp);
  useEffect(() => {
    stampNow.current = stamp;
  }, [stamp]);
  const errors = state.fieldErrors;

  // The page is cached, so its stamp is as old as the cache entry: ask for a fresh one, and who
  // this browser comments as if it proved an address (the cached page cannot say).
  const [commenter, setCommenter] = useState<Commenter | null>(carried?.commenter ?? null);
  useEffect(() => {
    if (carried?.stamp) return;
    fetch('/api/comments/stamp', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((data: { stamp?: string; commenter?: Commenter } | null) => {
        if (data?.stamp) setFetchedStamp(data.stamp);
        if (data?.commenter) setCommenter(data.commenter);
      })
      .catch(() => undefined);
  }, [carried]);
  const commenterNow = useRef<Commenter | null>(null);
  useEffect(() => {
    commenterNow.current = commenter;
  }, [commenter]);
  const router = useRouter();
  /** "Not you?": this browser forgets the proven address; the fields come back. */
  function forgetCommenter() {
    // Only once the server has forgotten it: a failed request leaves the browser proven, as shown.
    fetch('/api/comments/credential', { method: 'DELETE' })
      .then((r) => r.ok && setCommenter(null))
      .catch(() => undefined);
  }

  // Details this browser was asked to remember (read after hydration: the page is the same for all).
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRemembered(readRemembered());
  }, []);

  // A successful post ends the reply and shows the comment to its author; the details are kept in
  // (or forgotten by) this browser as the checkbox said. An error moves focus to the first field
  // to fix, so a keyboard or screen-reader user lands on it.
  useEffect(() => {
    if (state.status === 'error' && state.fieldErrors) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (state.status !== 'success') return;
    const choice = sent.current;
    if (choice) {
      try {
        if (choice.remember) window.localStorage.setItem(REMEMBER_KEY, JSON.stringify(choice.details));
        else window.localStorage.removeItem(REMEMBER_KEY);
      } catch {
        /* storage is off in this browser: nothing to remember with */
      }
    }
    formRef.current?.reset();
    setRemembered(choice?.remember ? choice.details : null);
    posted(state.extra?.pending);
    // Trust published it: the thread (cached, just invalidated) is fetched again to show it.
    if (state.extra?.published) router.refresh();
    // A reply written in place: the form closes, and its answer is said at the end of the thread.
    if (replyTo && movable) closeReply({ message: state.message, stamp: state.extra?.stamp });
    else setReplyTo(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per answer, not when the reply target changes
  }, [state, setReplyTo, posted]);

  // Opened under a comment by Reply: the reader types at once. Moved away (Reply elsewhere, Cancel,
  // or the reply posted): what was typed goes with it, unless a post already said what to carry.
  const openedFor = useRef(replyTo?.id);
  useEffect(() => {
    const form = formRef.current;
    carry.current = null;
    if (movable && openedFor.current !== undefined) {
      form?.scrollIntoView({ block: 'nearest' });
      form?.querySelector('textarea')?.focus();
    }
    snapshot.current = () => {
      const data = new FormData(form ?? undefined);
      const text = (key: string) => (typeof data.get(key) === 'string' ? (data.get(key) as string) : '');
      return {
        values: { body: text('body'), name: text('name'), email: text('email'), website: text('website') },
        stamp: stampNow.current,
        commenter: commenterNow.current,
      };
    };
    return () => {
      snapshot.current = null;
    };
  }, [carry, snapshot, movable]);

  /** Closes the reply: the form goes back to the end of the thread, focus to the Reply it came from. */
  function closeReply(next?: FormCarry) {
    const id = replyTo?.id;
    if (next) carry.current = next;
    setReplyTo(undefined);
    if (movable && id !== undefined) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-reply-to="${id}"]`)?.focus());
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      // Before the action runs (with or without JavaScript the post goes ahead): note what was sent.
      onSubmit={(event) => {
        const formData = new FormData(event.currentTarget);
        const text = (key: string) => (typeof formData.get(key) === 'string' ? (formData.get(key) as string) : '');
        sent.current = {
          remember: formData.get('remember') === 'on',
          details: { name: text('name'), email: text('email'), website: text('website') },
        };
      }}
      className="comment-form"
      noValidate
      aria-labelledby="respond-heading"
    >
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
              closeReply();
            }}
          >
            Cancel reply
          </a>
        </p>
      )}
      <p className="hint">
        Your email address will not be published. Required fields are marked *. <SiteLink href="/privacy">How we use your data</SiteLink> ·{' '}
        <SiteLink href="/comment-policy">Comment policy</SiteLink>
      </p>
      <div aria-live="polite" role="status">
        {message && <p className={`form-message${state.status === 'error' ? ' form-message--error' : ''}`}>{message}</p>}
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
      {commenter ? (
        <p className="commenting-as">
          Commenting as <strong>{commenter.name || 'you'}</strong> ({commenter.email}, confirmed).{' '}
          <button type="button" className="link-button" onClick={forgetCommenter}>
            Not you?
          </button>
          <input type="hidden" name="email" value={commenter.email} />
        </p>
      ) : null}
      <FormField
        id="comment-name"
        name="name"
        label="Name"
        required
        maxLength={80}
        autoComplete="name"
        defaultValue={values?.name ?? commenter?.name}
        errors={errors?.name}
      />
      {!commenter && (
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
      )}
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
      <div className="field checkbox-field">
        <label>
          <input key={remembered ? 'remembered' : 'not'} type="checkbox" name="remember" defaultChecked={remembered !== null} /> Save my
          name, email, and website in this browser for the next time I comment.
        </label>
      </div>
      <div className="field checkbox-field">
        <label>
          <input
            key={values?.notify ?? ''}
            type="checkbox"
            aria-describedby={commenter ? undefined : 'comment-notify-hint'}
            name="notify"
            defaultChecked={values?.notify === 'on'}
          />{' '}
          Email me when someone replies
        </label>
        {!commenter && (
          <p id="comment-notify-hint" className="hint">
            The first time, we email you a link to confirm your address.
          </p>
        )}
      </div>
      <div className="hp" aria-hidden="true">
        <label htmlFor="comment-company">Leave this field empty</label>
        <input id="comment-company" name="company" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <SubmitButton />
      {!commenter && (
        <p className="hint">
          <SiteLink href="/comments/prove">Confirm your email to comment faster</SiteLink>
        </p>
      )}
    </form>
  );
}
