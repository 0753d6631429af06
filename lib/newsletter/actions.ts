'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formValues, type ActionState } from '@/lib/forms/action-state';
import { kickMailDelivery } from '@/lib/mail';
import { requestFingerprint } from '@/lib/security/client';
import { formatDateTime } from '@/lib/site/dates';
import { pauseSubscription, requestAddressChange, resumeSubscription, saveSectionChoice } from './manage';
import { MANAGE_MESSAGES, NEWSLETTER_MESSAGES } from './messages';
import { requestSubscription, unsubscribe } from './subscriptions';

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

// The subscription page's forms. Each action is bound to the page's token (the subscriber's
// credential, from the link in their email) and looks the subscriber up by it again.

export type SectionsFormState = ActionState<{ all: string; sections: string[] }>;

const listNames = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** Refreshes the subscription page, so what it says about the subscription is what was just saved. */
const refreshManagePage = () => revalidatePath('/newsletter/manage');

export async function saveSectionsAction(token: string, _previous: SectionsFormState, formData: FormData): Promise<SectionsFormState> {
  const all = formData.get('all') === 'on';
  const chosen = formData.getAll('sections').filter((v): v is string => typeof v === 'string');
  const values = { all: all ? 'on' : '', sections: chosen };
  // A newsroom has a handful of sections: a post naming thousands is not a person's choice.
  const sectionIds = [...new Set(chosen.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))].slice(0, 200);
  const outcome = saveSectionChoice({ token, allSections: all, sectionIds });
  if (!outcome.ok) {
    if (outcome.reason === 'none-chosen') {
      return { status: 'error', message: MANAGE_MESSAGES.noSection, fieldErrors: { sections: [MANAGE_MESSAGES.noSection] }, values };
    }
    return { status: 'error', message: MANAGE_MESSAGES[outcome.reason === 'invalid' ? 'invalidLink' : 'notSubscribed'], values };
  }
  refreshManagePage();
  return {
    status: 'success',
    message: outcome.allSections
      ? 'Saved. You will get the newsletter for every section, including new ones.'
      : `Saved. You will get issues about ${listNames(outcome.names)}, and the issues we send to every reader.`,
  };
}

export async function pauseAction(token: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const resume = formData.get('pause') === 'resume';
  const outcome = resume ? resumeSubscription(token) : pauseSubscription(token);
  if (!outcome.ok) return { status: 'error', message: MANAGE_MESSAGES[outcome.reason === 'invalid' ? 'invalidLink' : 'notSubscribed'] };
  refreshManagePage();
  return {
    status: 'success',
    message: outcome.pausedUntil
      ? `Paused. The newsletter starts again by itself on ${formatDateTime(outcome.pausedUntil.toISOString())}.`
      : 'Resumed. The next issue will come to you as usual.',
  };
}

export type AddressFormState = ActionState<{ email: string }>;

export async function changeAddressAction(token: string, _previous: AddressFormState, formData: FormData): Promise<AddressFormState> {
  const { email } = formValues(formData, ['email'] as const);
  const values = { email };
  try {
    const outcome = await requestAddressChange({ token, rawEmail: email, client: await requestFingerprint() });
    if (outcome.ok) {
      kickMailDelivery();
      refreshManagePage();
      // The same answer whether or not the new address is subscribed already.
      return {
        status: 'success',
        message: `We have sent a link to ${outcome.email}. Open it to confirm the change; until then, the newsletter keeps coming to your current address.`,
      };
    }
    switch (outcome.reason) {
      case 'invalid-email':
        return { status: 'error', message: outcome.message, fieldErrors: { email: [outcome.message] }, values };
      case 'same-address':
        return { status: 'error', message: MANAGE_MESSAGES.sameAddress, fieldErrors: { email: [MANAGE_MESSAGES.sameAddress] }, values };
      case 'ip-limit':
        return { status: 'error', message: NEWSLETTER_MESSAGES.ipLimit, values };
      case 'address-limit':
        return { status: 'error', message: NEWSLETTER_MESSAGES.addressLimit, values };
      case 'invalid':
        return { status: 'error', message: MANAGE_MESSAGES.invalidLink, values };
      case 'not-subscribed':
        return { status: 'error', message: MANAGE_MESSAGES.notSubscribed, values };
    }
  } catch (error) {
    console.error('[newsletter] address change failed', error);
    return { status: 'error', message: MANAGE_MESSAGES.failure, values };
  }
}

/** Unsubscribe from the subscription page: the same rule as the unsubscribe page and one-click. */
export async function unsubscribeAction(token: string): Promise<void> {
  const result = unsubscribe(token);
  refreshManagePage();
  redirect(result === 'invalid' ? '/newsletter/manage' : `/newsletter/manage?token=${encodeURIComponent(token)}&result=unsubscribed`);
}
