'use server';

import { formValues, type ActionState } from '@/lib/forms/action-state';
import { kickMailDelivery } from '@/lib/mail';
import { requestFingerprint } from '@/lib/security/client';
import { NEWSLETTER_MESSAGES } from './messages';
import { requestSubscription } from './subscriptions';

export type NewsletterFormState = ActionState<{ email: string }>;

/** The newsletter sign-up form's action: the same answer whatever state the address is in. */
export async function subscribeToNewsletter(_previous: NewsletterFormState, formData: FormData): Promise<NewsletterFormState> {
  const { email, source, nickname } = formValues(formData, ['email', 'source', 'nickname'] as const);
  // A filled honeypot is a bot: answer as for a person, do nothing.
  if (nickname !== '') return { status: 'success', message: NEWSLETTER_MESSAGES.success };
  try {
    const outcome = await requestSubscription({
      rawEmail: email,
      source: /^\/[^\s]{0,199}$/.test(source) ? source : null,
      client: await requestFingerprint(),
    });
    if (outcome.ok) {
      kickMailDelivery();
      return { status: 'success', message: NEWSLETTER_MESSAGES.success };
    }
    if (outcome.reason === 'invalid') {
      return { status: 'error', message: outcome.message, fieldErrors: { email: [outcome.message] }, values: { email } };
    }
    const message = outcome.reason === 'ip-limit' ? NEWSLETTER_MESSAGES.ipLimit : NEWSLETTER_MESSAGES.addressLimit;
    return { status: 'error', message, values: { email } };
  } catch (error) {
    console.error('[newsletter] sign-up failed', error);
    return { status: 'error', message: NEWSLETTER_MESSAGES.failure, values: { email } };
  }
}
