'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { env } from '@/lib/env';
import { formValues, type ActionState } from '@/lib/forms/action-state';
import { kickMailDelivery } from '@/lib/mail';
import { requestFingerprint } from '@/lib/security/client';
import { eraseAddress } from './erase';
import { MY_DATA_MESSAGES } from './messages';
import { endSession, openDataLink, requestDataLink, SESSION_COOKIE, SESSION_TTL_MS, sessionEmail } from './requests';

export type MyDataFormState = ActionState<{ email: string }>;

/** "Email me a link": the same answer whatever we hold for the address. */
export async function requestMyDataLink(_previous: MyDataFormState, formData: FormData): Promise<MyDataFormState> {
  const { email } = formValues(formData, ['email'] as const);
  try {
    const outcome = await requestDataLink({ rawEmail: email, client: await requestFingerprint() });
    if (outcome.ok) {
      kickMailDelivery();
      return { status: 'success', message: MY_DATA_MESSAGES.sent, values: { email } };
    }
    if (outcome.reason === 'invalid')
      return { status: 'error', message: outcome.message, fieldErrors: { email: [outcome.message] }, values: { email } };
    const message = outcome.reason === 'ip-limit' ? MY_DATA_MESSAGES.ipLimit : MY_DATA_MESSAGES.addressLimit;
    return { status: 'error', message, values: { email } };
  } catch (error) {
    console.error('[my-data] link request failed', error);
    return { status: 'error', message: MY_DATA_MESSAGES.failure, values: { email } };
  }
}

/** The button on the page the emailed link opens: uses the link, starts this browser's session. */
export async function openMyData(formData: FormData): Promise<void> {
  const { token } = formValues(formData, ['token'] as const);
  const opened = openDataLink(token);
  if (!opened.ok) redirect(`/my-data/open?state=${opened.state}`);
  (await cookies()).set(SESSION_COOKIE, opened.session, {
    httpOnly: true,
    sameSite: 'strict',
    secure: env.SITE_URL.startsWith('https:'),
    path: '/my-data',
    maxAge: SESSION_TTL_MS / 1000,
  });
  redirect('/my-data/view');
}

/** "Yes, erase everything": erases what the session's address holds, ends the session. */
export async function eraseMyData(): Promise<void> {
  const jar = await cookies();
  const session = jar.get(SESSION_COOKIE)?.value;
  const email = sessionEmail(session);
  if (!email) redirect('/my-data/view');
  const erased = await eraseAddress(email, { actor: 'the reader (My data)' });
  jar.delete({ name: SESSION_COOKIE, path: '/my-data' });
  kickMailDelivery();
  const counts = new URLSearchParams({
    comments: String(erased.comments + erased.commentsLeftAsRemoved),
    subscription: erased.subscription ? '1' : '0',
    commenter: erased.commenter ? '1' : '0',
    emails: String(erased.emails),
  });
  redirect(`/my-data/erased?${counts}`);
}

/** "Close": the session ends now rather than in an hour (a shared computer). */
export async function closeMyData(): Promise<void> {
  const jar = await cookies();
  endSession(jar.get(SESSION_COOKIE)?.value);
  jar.delete({ name: SESSION_COOKIE, path: '/my-data' });
  redirect('/my-data?closed=1');
}
