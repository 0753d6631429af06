'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { env } from '@/lib/env';
import { formValues, type ActionState } from '@/lib/forms/action-state';
import { requestFingerprint } from '@/lib/security/client';
import { appSecret } from '@/lib/security/secret';
import { PENDING_COOKIE, PENDING_COOKIE_MAX_AGE, PENDING_HINT_COOKIE, readPendingIds, writePendingIds } from './pending-cookie';
import { createFormStamp, stampForRetry } from './spam';
import { COMMENT_MESSAGES, storeComment } from './submit';
import { COMMENT_FIELDS, commentInputSchema, type CommentField } from './validation';

export type CommentFormState = ActionState<Record<CommentField, string>, { stamp: string; commentId?: number }>;

const SUCCESS = 'Thank you. Your comment is awaiting moderation.';
const HONEYPOT_FIELD = 'company';

/**
 * The comment form's action (bound to the article's slug on the page). Validates, applies the
 * anti-abuse rules, stores the comment as pending and remembers it in the commenter's browser.
 */
export async function submitComment(articleSlug: string, _previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const secret = appSecret();
  const submittedStamp = typeof formData.get('stamp') === 'string' ? (formData.get('stamp') as string) : null;
  // After a success the next comment starts afresh; after an error the person is still on the
  // form they were shown, so its time still counts.
  const stamp = createFormStamp(secret);
  const retryStamp = stampForRetry(secret, submittedStamp);
  const values = formValues(formData, COMMENT_FIELDS);

  // A filled honeypot is a bot: answer exactly as for a person, store nothing.
  if (String(formData.get(HONEYPOT_FIELD) ?? '') !== '') return { status: 'success', message: SUCCESS, extra: { stamp } };

  const parsed = commentInputSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'Please correct the fields marked below.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values,
      extra: { stamp: retryStamp },
    };
  }

  try {
    const fingerprint = await requestFingerprint();
    const outcome = storeComment({
      articleSlug,
      input: parsed.data,
      stamp: submittedStamp,
      ...fingerprint,
      secret,
    });
    if (!outcome.ok) {
      const message = COMMENT_MESSAGES[outcome.reason];
      return {
        status: 'error',
        message,
        fieldErrors: outcome.field ? { [outcome.field]: [message] } : undefined,
        values,
        extra: { stamp: retryStamp },
      };
    }
    const jar = await cookies();
    const secure = env.SITE_URL.startsWith('https:');
    jar.set(PENDING_COOKIE, writePendingIds(secret, readPendingIds(secret, jar.get(PENDING_COOKIE)?.value), outcome.id), {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: PENDING_COOKIE_MAX_AGE,
    });
    jar.set(PENDING_HINT_COOKIE, '1', { httpOnly: false, sameSite: 'lax', secure, path: '/', maxAge: PENDING_COOKIE_MAX_AGE });
    return { status: 'success', message: SUCCESS, extra: { stamp, commentId: outcome.id } };
  } catch (error) {
    console.error('[comments] could not store a comment', error);
    return { status: 'error', message: 'Sorry, your comment could not be saved. Please try again in a moment.', values, extra: { stamp: retryStamp } };
  }
}
