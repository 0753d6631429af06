import type { Metadata } from 'next';
import { NewsletterSignup } from '@/components/newsletter-signup';
import { SiteLink } from '@/components/site-link';
import { AddressForm, PauseForm, SectionsForm } from '@/components/subscription-forms';
import { changeAddressAction, pauseAction, saveSectionsAction, unsubscribeAction } from '@/lib/newsletter/actions';
import { listNewsletterSections } from '@/lib/newsletter/issues';
import { getSubscriptionByManageToken } from '@/lib/newsletter/manage';
import { formatDateTime } from '@/lib/site/dates';

// A subscriber's own page, opened from the "Manage your subscription" link in every newsletter
// email: the token in the link is their credential, so the page is never cached or indexed, and
// sends a Referer to no other site. Each form posts to a server action bound to the token: the
// policy is same-origin rather than the other newsletter pages' no-referrer, under which a browser
// without JavaScript posts `Origin: null` and Next refuses the action (next.config.ts).
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your subscription', robots: { index: false, follow: false }, referrer: 'same-origin' };

type Props = { searchParams: Promise<{ token?: string | string[]; result?: string | string[] }> };

export default async function ManageSubscriptionPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : '';
  const result = typeof params.result === 'string' ? params.result : undefined;
  const subscription = getSubscriptionByManageToken(token);

  if (!subscription) {
    return (
      <div className="notice">
        <h1>This link is not valid</h1>
        <p>
          We could not find a subscription for this link. If you changed your address, links in emails sent before the change no longer
          work: use the “Manage your subscription” link in the newest email from us.
        </p>
        <div className="notice__form">
          <NewsletterSignup intro="Not subscribed? Sign up here: we send a link to confirm your address first." />
        </div>
      </div>
    );
  }

  const active = subscription.status === 'confirmed' || subscription.status === 'pending';
  const header = (
    <header className="page-header">
      <p className="kicker">Newsletter</p>
      <h1>Your subscription</h1>
      <p>
        The newsletter goes to <strong className="subscription__email">{subscription.email}</strong>.
      </p>
    </header>
  );

  if (!active) {
    return (
      <div className="subscription">
        {header}
        <p role="status" className="form-message">
          {result === 'unsubscribed'
            ? 'You have been unsubscribed. You will not receive the newsletter any more.'
            : 'This address is not subscribed to the newsletter.'}
        </p>
        <form method="post" action={`/api/newsletter/resubscribe?token=${encodeURIComponent(token)}`}>
          <p>Changed your mind? We will send a link to confirm it first.</p>
          <button type="submit" className="button--quiet">
            Resubscribe
          </button>
        </form>
      </div>
    );
  }

  const sections = listNewsletterSections();
  const pausedUntil = subscription.pausedUntil ? formatDateTime(subscription.pausedUntil.toISOString()) : null;
  return (
    <div className="subscription">
      {header}
      <p role="status" className={result === 'address-changed' ? 'form-message' : 'subscription__status'}>
        {result === 'address-changed'
          ? `Your address has been changed. The newsletter now comes to ${subscription.email}.`
          : subscription.status === 'pending'
            ? 'Waiting for you to confirm this address: open the link in the email we sent to it.'
            : pausedUntil
              ? `Paused until ${pausedUntil}.`
              : 'Subscribed. You get the newsletter every Friday.'}
      </p>

      <section aria-labelledby="sections-heading" className="subscription__part">
        <h2 id="sections-heading">Sections</h2>
        <SectionsForm
          action={saveSectionsAction.bind(null, token)}
          sections={sections}
          allSections={subscription.allSections}
          chosen={subscription.sectionIds}
        />
      </section>

      {subscription.status === 'confirmed' && (
        <>
          <section aria-labelledby="pause-heading" className="subscription__part">
            <h2 id="pause-heading">Pause</h2>
            <PauseForm action={pauseAction.bind(null, token)} pausedUntil={pausedUntil} />
          </section>
          <section aria-labelledby="address-heading" className="subscription__part">
            <h2 id="address-heading">Change your address</h2>
            <AddressForm action={changeAddressAction.bind(null, token)} pendingEmail={subscription.pendingEmail} />
          </section>
        </>
      )}

      <section aria-labelledby="unsubscribe-heading" className="subscription__part">
        <h2 id="unsubscribe-heading">Unsubscribe</h2>
        <form action={unsubscribeAction.bind(null, token)}>
          <p>Stop the newsletter at this address. You can sign up again at any time.</p>
          <button type="submit" className="button--quiet">
            Unsubscribe
          </button>
        </form>
      </section>
      <p className="hint">
        <SiteLink href="/privacy">How we use your data</SiteLink>
      </p>
    </div>
  );
}
