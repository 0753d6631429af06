import type { Metadata } from 'next';
import { HeadlineList } from '@/components/headline-list';
import { SiteLink } from '@/components/site-link';
import { NewsletterSignup } from '@/components/newsletter-signup';
import { getFrontPage } from '@/lib/articles/queries';
import { CONFIRM_RESULTS, isConfirmResult } from '@/lib/newsletter/messages';
import { inspectConfirmToken } from '@/lib/newsletter/subscriptions';

// Opening the link changes nothing (mail scanners fetch links). The page confirms by POST: a tiny
// script submits the form at once; without scripts, the button does.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ token?: string | string[]; result?: string | string[] }> };

export default async function ConfirmPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : undefined;
  const result = isConfirmResult(params.result) ? params.result : token ? inspectConfirmToken(token) : 'invalid';

  if (result === 'valid' && token) {
    return (
      <div className="notice">
        <h1>Confirm your subscription</h1>
        <form id="confirm-form" method="post" action="/api/newsletter/confirm">
          <input type="hidden" name="token" value={token} />
          <p>One more step: confirm that you want to receive the newsletter.</p>
          <button type="submit">Confirm my subscription</button>
        </form>
        <script dangerouslySetInnerHTML={{ __html: "document.getElementById('confirm-form').submit();" }} />
      </div>
    );
  }

  const message = CONFIRM_RESULTS[result === 'valid' ? 'invalid' : result];
  const subscribed = result === 'confirmed' || result === 'already-confirmed';
  const next = subscribed ? ((await getFrontPage({ page: 1 }))?.latest.items.slice(0, 5) ?? []) : [];
  return (
    <div className="notice">
      <h1>{message.title}</h1>
      <p role="status">{message.text}</p>
      {message.offerNewLink && (
        <div className="notice__form">
          <NewsletterSignup intro="Get a new confirmation link." />
        </div>
      )}
      {next.length > 0 && (
        <section className="read-next" aria-labelledby="read-next-heading">
          <h2 id="read-next-heading" className="block-title">
            What to read next
          </h2>
          <HeadlineList articles={next} />
          <p>
            The first newsletter arrives on Friday. Meanwhile, <SiteLink href="/">the front page</SiteLink> has everything new.
          </p>
        </section>
      )}
    </div>
  );
}
