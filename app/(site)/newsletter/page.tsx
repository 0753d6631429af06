import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';
import { DateTime } from '@/components/date-time';
import { NewsletterSignup } from '@/components/newsletter-signup';
import { env } from '@/lib/env';
import { listPublicIssues } from '@/lib/newsletter/archive';
import { feedTypes } from '@/lib/site/feeds';
import { issueArchivePath } from '@/lib/site/urls';

// What the newsletter is, before anyone is asked for an address. Per request from cached data
// (no database at build time).
export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'The newsletter',
  description: `${env.SITE_NAME}'s weekly email: the week in public-sector technology.`,
  alternates: { canonical: '/newsletter', types: feedTypes() },
};

export default async function NewsletterPage() {
  const recent = (await listPublicIssues()).slice(0, 3);
  return (
    <>
      <header className="page-header">
        <p className="kicker">Newsletter</p>
        <h1>The week in public-sector technology</h1>
        <p>One email every Friday morning: the stories that mattered, what is coming next week, and nothing else.</p>
      </header>
      <div className="newsletter-landing">
        <div>
          <h2>What you get</h2>
          <ul>
            <li>The week&apos;s reporting on digital government, procurement, councils, cyber security, data and health IT.</li>
            <li>Once a week, on Fridays. No advertising, no tracking pixels.</li>
            <li>Your address is used for this email only. Every email has a one-click unsubscribe link.</li>
          </ul>
          <h2>Recent issues</h2>
          {recent.length === 0 ? (
            <p>The first issue is on its way.</p>
          ) : (
            <ul className="compact-list">
              {recent.map((i) => (
                <li key={i.id}>
                  <SiteLink href={issueArchivePath(i.id)}>{i.subject}</SiteLink>{' '}
                  <span className="byline">{i.sentAt && <DateTime iso={i.sentAt} />}</span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <SiteLink href="/newsletter/archive">Every issue we have sent</SiteLink>
          </p>
        </div>
        <NewsletterSignup intro="Sign up: we send a link to confirm your address first." />
      </div>
    </>
  );
}
