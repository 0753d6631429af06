import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';
import { DateTime } from '@/components/date-time';
import { listPublicIssues } from '@/lib/newsletter/archive';
import { issueArchivePath } from '@/lib/site/urls';
import { feedTypes } from '@/lib/site/feeds';

// Built per request from cached data: a page without params would otherwise be prerendered at
// build time, when there is no database.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Newsletter archive', alternates: { canonical: '/newsletter/archive', types: feedTypes() } };

export default async function ArchivePage() {
  const issues = await listPublicIssues();
  return (
    <>
      <header className="page-header">
        <p className="kicker">Newsletter</p>
        <h1>Newsletter archive</h1>
        <p>Every issue we have sent, newest first.</p>
      </header>
      {issues.length === 0 ? (
        <p>No issue has been sent yet.</p>
      ) : (
        <ul className="compact-list">
          {issues.map((i) => (
            <li key={i.id}>
              <SiteLink href={issueArchivePath(i.id)}>{i.subject}</SiteLink>
              <br />
              <span className="byline">
                <DateTime iso={i.sentAt} /> · {i.audience ? `${i.audience} subscribers` : 'Every subscriber'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
