import type { Metadata } from 'next';
import { MyDataLinkNeeded } from '@/components/my-data-link-needed';
import Link from 'next/link';
import { SiteLink } from '@/components/site-link';
import type { CommentStatus, SubscriberStatus } from '@/db/schema';
import { closeMyData } from '@/lib/privacy/actions';
import { collectHoldings, SENT_EMAILS_DAYS } from '@/lib/privacy/holdings';
import { requestSessionEmail } from '@/lib/privacy/requests';
import { formatDateTime } from '@/lib/site/dates';
import { articlePath } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'My data', robots: { index: false, follow: false }, referrer: 'same-origin' };

const COMMENT_STATUS: Record<CommentStatus, string> = {
  pending: 'Waiting for a moderator',
  approved: 'Published',
  reported: 'Hidden after readers reported it, waiting for a moderator',
  spam: 'Held as spam, never shown',
  trash: 'Removed by a moderator, never shown',
};

const SUBSCRIBER_STATUS: Record<SubscriberStatus, string> = {
  pending: 'Waiting for you to confirm your address',
  confirmed: 'Subscribed',
  unsubscribed: 'Unsubscribed',
  bounced: 'Stopped: your mail server refused our emails',
  complained: 'Stopped: our email was marked as spam',
};

const when = (iso: string | null) => (iso ? formatDateTime(iso, true) : 'unknown');

export default async function MyDataViewPage() {
  const email = await requestSessionEmail();
  if (!email) return <MyDataLinkNeeded title="Your data" />;
  const held = collectHoldings(email);
  const sub = held.subscription;
  return (
    <div className="my-data">
      <header className="page-header">
        <p className="kicker">Your data</p>
        <h1>What we hold for {email}</h1>
        <p>Everything below, and nothing else, is stored with your address. Download it, or erase it all.</p>
      </header>
      <div className="my-data__actions">
        <a className="button" href="/my-data/export" download>
          Download my data
        </a>
        <Link className="button button--quiet" href="/my-data/erase">
          Erase my data
        </Link>
        <form action={closeMyData}>
          <button type="submit" className="button--quiet">
            Close
          </button>
        </form>
      </div>

      <section aria-labelledby="held-comments">
        <h2 id="held-comments">Comments ({held.comments.length})</h2>
        {held.comments.length === 0 ? (
          <p>No comments.</p>
        ) : (
          <ol className="my-data__list">
            {held.comments.map((c) => (
              <li key={c.id}>
                <p>
                  On <SiteLink href={articlePath(c.article.slug)}>{c.article.title}</SiteLink>, {when(c.postedAt)}, as <bdi>{c.name}</bdi>:{' '}
                  <strong>{COMMENT_STATUS[c.status]}</strong>
                </p>
                <blockquote>{c.text}</blockquote>
                {c.emailOnReplies && <p className="hint">You asked to be emailed when someone replies to it.</p>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="held-commenter">
        <h2 id="held-commenter">Reply emails and confirmed browsers</h2>
        {!held.commenter ? (
          <p>You have not confirmed this address for comments.</p>
        ) : (
          <dl className="my-data__facts">
            <dt>Confirmed</dt>
            <dd>
              {held.commenter.provenAt ? when(held.commenter.provenAt) : 'Not yet'}; {held.commenter.browsers}{' '}
              {held.commenter.browsers === 1 ? 'browser comments' : 'browsers comment'} as you now
            </dd>
            <dt>Reply emails</dt>
            <dd>
              {held.commenter.replyEmailsOff ? 'All turned off' : 'On for the comments marked above'}; {held.commenter.replyEmailsSent} sent
            </dd>
            <dt>Moderation</dt>
            <dd>
              {held.commenter.trust === 'trusted'
                ? 'Marked trusted by a moderator'
                : held.commenter.trust === 'always-moderate'
                  ? 'Every comment waits for a moderator'
                  : 'Automatic: trusted after a few approved comments'}
            </dd>
          </dl>
        )}
      </section>

      <section aria-labelledby="held-newsletter">
        <h2 id="held-newsletter">Newsletter</h2>
        {!sub ? (
          <p>No subscription.</p>
        ) : (
          <dl className="my-data__facts">
            <dt>Status</dt>
            <dd>{SUBSCRIBER_STATUS[sub.status]}</dd>
            <dt>Your consent</dt>
            <dd>
              Given {when(sub.consent.at)}
              {sub.consent.source ? ` with the form on ${sub.consent.source}` : ''}
              {sub.consent.confirmedAt ? `, confirmed from the emailed link ${when(sub.consent.confirmedAt)}` : ', not confirmed'}.
            </dd>
            <dt>Sections</dt>
            <dd>{sub.sections === 'all' ? 'All sections' : sub.sections.join(', ')}</dd>
            {sub.pausedUntil && (
              <>
                <dt>Paused</dt>
                <dd>Until {when(sub.pausedUntil)}</dd>
              </>
            )}
            {sub.addressChangePendingTo && (
              <>
                <dt>Address change</dt>
                <dd>Waiting for {sub.addressChangePendingTo} to confirm</dd>
              </>
            )}
          </dl>
        )}
      </section>

      <section aria-labelledby="held-emails">
        <h2 id="held-emails">
          Emails we sent you in the last {SENT_EMAILS_DAYS} days ({held.emails.length})
        </h2>
        {held.emails.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="my-data__list">
            {held.emails.map((e, i) => (
              <li key={i}>
                {e.subject} <span className="byline">{when(e.sentAt ?? e.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="held-other">
        <h2 id="held-other">What we do not hold</h2>
        <p>
          Your IP address is never stored: only a salted hash of it, with each comment and sign-up, which we use for rate limits and to stop
          abuse. We keep no reading history and set no tracking cookies.
        </p>
      </section>
    </div>
  );
}
