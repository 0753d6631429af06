'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { formValues, type ActionState } from '@/lib/forms/action-state';
import { kickMailDelivery } from '@/lib/mail';
import { normaliseEmail } from '@/lib/newsletter/email';
import { requestFingerprint } from '@/lib/security/client';
import { clientLimits, takeRateLimits } from '@/lib/security/rate-limit';
import { confirmCommenter, CREDENTIAL_COOKIE, CREDENTIAL_MAX_AGE_S, requestCommenterConfirmation } from './commenters';

// The pages around a commenter's proof of address: asking for the link, and its button.

export type ProveFormState = ActionState<{ email: string }>;

const PROVE_SENT = 'If this address can receive email, a link is on its way. It works for 48 hours, from the browser you open it in.';
const IP_LIMIT = { limit: 10, windowMs: 60 * 60 * 1000 };

/** "Confirm your email to comment faster": the same answer whatever the address. */
export async function requestProofLink(_previous: ProveFormState, formData: FormData): Promise<ProveFormState> {
  const { email } = formValues(formData, ['email'] as const);
  const normalised = normaliseEmail(email);
  if (!normalised.ok)
    return { status: 'error', message: normalised.message, fieldErrors: { email: [normalised.message] }, values: { email } };
  try {
    const allowed = takeRateLimits(getDb(), clientLimits(await requestFingerprint(), { bucket: 'commenter-proof-ip', ...IP_LIMIT }));
    if (!allowed)
      return { status: 'error', message: 'Too many requests from your connection. Please try again in an hour.', values: { email } };
    await requestCommenterConfirmation({ email: normalised.email });
    kickMailDelivery();
    return { status: 'success', message: PROVE_SENT, values: { email } };
  } catch (error) {
    console.error('[comments] proof link request failed', error);
    return {
      status: 'error',
      message: 'Something went wrong on our side and nothing was sent. Please try again in a minute.',
      values: { email },
    };
  }
}

/** The confirmation page's button: this browser now holds a credential for the address. */
export async function confirmCommenterEmail(formData: FormData): Promise<void> {
  const { token } = formValues(formData, ['token'] as const);
  const outcome = confirmCommenter(token);
  if (!outcome.ok) redirect(`/comments/confirm?state=${outcome.state}`);
  (await cookies()).set(CREDENTIAL_COOKIE, outcome.credential, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.SITE_URL.startsWith('https:'),
    path: '/',
    maxAge: CREDENTIAL_MAX_AGE_S,
  });
  redirect('/comments/confirmed');
}
