'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type ActionState, formValues } from '@/lib/forms/action-state';
import { requestFingerprint } from '@/lib/security/client';
import { keyFor } from '@/lib/security/secret';
import { getDb } from '@/db';
import { articleTag, COMMENT_COUNTS_TAG } from '@/lib/articles/cache-tags';
import { invalidateCacheTags } from '@/lib/cache/invalidate';
import { kickMailDelivery } from '@/lib/mail';
import { articlePath, commentReceivedPath } from '@/lib/site/urls';
import { noteCommenterUse, requestCredentialOwner, requestCommenterConfirmation, type CredentialOwner } from './commenters';
import { kickReplyNotifications } from './notifications';
import { readPendingIds, writePendingIds } from './pending-list';
import { COMMENT_FIELDS, type CommentField, commentInputSchema, createFormStamp, stampForRetry } from './rules';
import { reportComment, reportInputSchema, REPORT_THANKS } from './reports';
import { COMMENT_MESSAGES, COMMENT_PUBLISHED, COMMENT_RECEIVED, floodMessage, storeComment } from './store';

export type CommentFormState = ActionState<
  Record<CommentField, string>,
  {
    stamp: string;
    commentId?: number;
    /** The signed list of this browser's pending comments, for it to keep (local storage). */
    pending?: string;
    /** Trust published it: the thread shows it once the page is fetched again. */
    published?: boolean;
  }
>;

const HONEYPOT_FIELD = 'company';

/** The answer to a form whose fields did not pass: what to fix, beside each field, and what was typed. */
function invalidFields<Values extends Record<string, string>>(error: z.ZodError, values: Values) {
  return {
    status: 'error' as const,
    message: 'Please correct the fields marked below.',
    fieldErrors: z.flattenError(error).fieldErrors as Partial<Record<keyof Values & string, string[]>>,
    values,
  };
}

/**
 * A browser without JavaScript posts the form itself; Next would answer with the whole article
 * rendered again (costly, and a reload would post again). It gets a redirect to the
 * cached thank-you page instead (post/redirect/get). The page's script sends `Next-Action`.
 */
async function isPlainFormPost(): Promise<boolean> {
  return !(await headers()).has('next-action');
}

/**
 * The comment form's action (bound to the article's slug on the page). Validates, applies the
 * anti-abuse rules, stores the comment as pending, and answers with a signed list of the
 * commenter's pending comments for their browser to keep. It sets no cookie: a cookie set by an
 * action makes Next render the whole page again in the answer, which costs more than the comment.
 */
export async function submitComment(articleSlug: string, _previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const stampKey = keyFor('form-stamps');
  const submittedStamp = typeof formData.get('stamp') === 'string' ? (formData.get('stamp') as string) : null;
  // After a success the next comment starts afresh; after an error the person is still on the
  // form they were shown, so its time still counts.
  const stamp = createFormStamp(stampKey);
  const retryStamp = stampForRetry(stampKey, submittedStamp);
  const values = formValues(formData, COMMENT_FIELDS);

  // A filled honeypot is a bot: answer exactly as for a person, store nothing.
  if (String(formData.get(HONEYPOT_FIELD) ?? '') !== '') {
    if (await isPlainFormPost()) redirect(commentReceivedPath(articleSlug));
    return { status: 'success', message: COMMENT_RECEIVED, extra: { stamp } };
  }

  const parsed = commentInputSchema.safeParse(values);
  if (!parsed.success) return { ...invalidFields(parsed.error, values), extra: { stamp: retryStamp } };

  let commentId: number | null;
  let published = false;
  let provenHere: CredentialOwner | null = null;
  try {
    const owner = await requestCredentialOwner();
    provenHere = owner?.email === parsed.data.email ? owner : null;
    const outcome = storeComment({
      articleSlug,
      input: parsed.data,
      stamp: submittedStamp,
      ...(await requestFingerprint()),
      stampKey,
      provenEmail: provenHere?.email ?? null,
    });
    if (!outcome.ok) {
      const message = outcome.reason === 'flood' ? floodMessage(outcome.retryAfterMs) : COMMENT_MESSAGES[outcome.reason];
      return { status: 'error', message, values, extra: { stamp: retryStamp } };
    }
    commentId = outcome.id;
    published = outcome.status === 'approved';
    if (published) {
      invalidateCacheTags([articleTag(outcome.articleSlug), COMMENT_COUNTS_TAG]);
      kickReplyNotifications();
    }
  } catch (error) {
    console.error('[comments] could not store a comment', error);
    return {
      status: 'error',
      message: 'Sorry, your comment could not be saved. Please try again in a moment.',
      values,
      extra: { stamp: retryStamp },
    };
  }
  // The comment is stored: what follows must not make the reader post it again if it fails.
  if (commentId !== null) {
    try {
      if (provenHere) noteCommenterUse(getDb(), provenHere, { name: parsed.data.name, wantsReplies: parsed.data.notify });
      // Replies can be announced only to an address proven from a browser: the first time, the
      // box sends the link that proves it (at most one a day; the answer is the same either way).
      if (parsed.data.notify && !provenHere) {
        await requestCommenterConfirmation({ email: parsed.data.email, name: parsed.data.name });
        kickMailDelivery();
      }
    } catch (error) {
      console.error('[comments] the commenter’s proof could not be updated', error);
    }
  }
  // Outside the try: redirect() works by throwing.
  if (await isPlainFormPost())
    redirect(published && commentId ? `${articlePath(articleSlug)}#comment-${commentId}` : commentReceivedPath(articleSlug));
  if (commentId === null) return { status: 'success', message: COMMENT_RECEIVED, extra: { stamp } };
  if (published) return { status: 'success', message: COMMENT_PUBLISHED, extra: { stamp, commentId, published: true } };
  const credentialKey = keyFor('credentials');
  const earlier = readPendingIds(
    credentialKey,
    typeof formData.get('pending') === 'string' ? (formData.get('pending') as string) : undefined,
  );
  return {
    status: 'success',
    message: COMMENT_RECEIVED,
    extra: { stamp, commentId, pending: writePendingIds(credentialKey, earlier, commentId) },
  };
}

export type ReportFormState = ActionState<{ reason: string; note: string }>;
const REPORT_FIELDS = ['reason', 'note'] as const;

/**
 * The Report form's action (bound to the article and the comment on the report page). The answer
 * is the same thanks whether the report counted, repeated one from this browser or address, or
 * was over the hourly limit. Works as a plain form post: the page shows the answer.
 */
export async function submitReport(
  articleSlug: string,
  commentId: number,
  _previous: ReportFormState,
  formData: FormData,
): Promise<ReportFormState> {
  const values = formValues(formData, REPORT_FIELDS);
  const parsed = reportInputSchema.safeParse({ ...values, browser: formData.get('browser') ?? undefined });
  if (!parsed.success) return invalidFields(parsed.error, values);
  try {
    const outcome = reportComment({ slug: articleSlug, commentId, input: parsed.data, client: await requestFingerprint() });
    if (outcome.kind === 'not-found') {
      return { status: 'error', message: 'This comment is no longer on the article: a moderator may already have removed it.', values };
    }
  } catch (error) {
    console.error('[comments] could not store a report', error);
    return { status: 'error', message: 'Sorry, your report could not be sent. Please try again in a moment.', values };
  }
  return { status: 'success', message: REPORT_THANKS };
}
