'use server';

import { z } from 'zod';
import { getDb } from '@/db';
import type { ActionState } from '@/lib/forms/action-state';
import { requestFingerprint } from '@/lib/security/client';
import { addressLimitKey, clientLimits, takeRateLimits } from '@/lib/security/rate-limit';
import { safeCallbackPath, signIn, signOut } from './auth';
import { SIGN_IN_SENT } from './messages';

export type SignInState = ActionState<{ email: string }>;

const WINDOW = 15 * 60 * 1000;

/** Sends a magic link to staff; the screen says the same for any address. Throttled per address and IP. */
export async function requestSignInLink(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = String(formData.get('email') ?? '');
  const parsed = z.email().max(254).safeParse(raw.trim().toLowerCase());
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'Enter a valid email address.',
      fieldErrors: { email: ['Enter a valid email address.'] },
      values: { email: raw },
    };
  }
  const client = await requestFingerprint();
  const allowed = getDb().transaction(
    (tx) =>
      takeRateLimits(tx, [
        ...clientLimits(client, { bucket: 'sign-in-ip', limit: 20, windowMs: WINDOW }),
        { bucket: 'sign-in-email', key: addressLimitKey(parsed.data), limit: 5, windowMs: WINDOW },
      ]),
    { behavior: 'immediate' },
  );
  if (!allowed) {
    return { status: 'error', message: 'Too many sign-in requests. Please wait 15 minutes and try again.', values: { email: raw } };
  }
  await signIn('email', { email: parsed.data, redirect: false, redirectTo: safeCallbackPath(formData.get('callbackUrl')) });
  return { status: 'success', message: SIGN_IN_SENT };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/admin/sign-in?signedOut=1' });
}
