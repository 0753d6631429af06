import type { Metadata } from 'next';
import Link from 'next/link';
import { ModerationTable } from '@/components/admin/moderation-table';
import { requireStaff } from '@/lib/auth/session';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { DateTime } from '@/components/date-time';
import { setCommenterTrustAction } from '@/lib/comments/admin-actions';
import { commenterStanding } from '@/lib/comments/commenters';
import { listCommentsByEmail } from '@/lib/comments/moderation';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

const TRUST_LABEL = { trusted: 'Mark Trusted', 'always-moderate': 'Always moderate', auto: 'Back to automatic' } as const;
export const metadata: Metadata = { title: 'Commenter history' };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const staff = await requireStaff('moderator');
  const email = ((await searchParams).email ?? '').trim().toLowerCase().slice(0, 254);
  const rows = email ? listCommentsByEmail({ email }) : [];
  const standing = email ? commenterStanding(email) : null;
  return (
    <>
      <p>
        <Link href="/admin/comments">← Comments</Link>
      </p>
      <h1>Comments by {email || 'an address'}</h1>
      <form method="get" className="search-form" role="search" aria-label="Find a commenter">
        <label htmlFor="history-email" className="visually-hidden">
          Email address
        </label>
        <input id="history-email" name="email" type="search" defaultValue={email} placeholder="Email address" />
        <button type="submit">Show history</button>
      </form>
      <p>
        {rows.length} {rows.length === 1 ? 'comment' : 'comments'}, every status, newest first.
        {email && staff.role === 'admin' && (
          <>
            {' '}
            <Link href={`/admin/privacy?email=${encodeURIComponent(email)}`}>Everything held for this address</Link> (download, erase).
          </>
        )}
      </p>
      {email && (
        <section aria-labelledby="standing-heading" className="commenter-standing">
          <h2 id="standing-heading">This address</h2>
          <p>
            {standing?.provenAt ? (
              <>
                Proven from a browser on <DateTime iso={standing.provenAt.toISOString()} /> ({standing.credentials}{' '}
                {standing.credentials === 1 ? 'browser holds' : 'browsers hold'} a credential).{' '}
              </>
            ) : (
              'Not proven from any browser. '
            )}
            {standing?.trusted
              ? 'Trusted: comments from a browser holding its credential are published at once.'
              : standing?.trust === 'always-moderate'
                ? 'Always moderated.'
                : `Moderated: ${standing?.approved ?? 0} approved of the ${env.COMMENT_TRUST_AFTER} that earn trust${standing?.recentStrikes ? `, and ${standing.recentStrikes} spam or trashed in 90 days` : ''}.`}
          </p>
          <div className="row-actions">
            {(['trusted', 'always-moderate', 'auto'] as const)
              .filter((t) => t !== (standing?.trust ?? 'auto'))
              .map((t) => (
                <ActionForm key={t} action={setCommenterTrustAction} label={TRUST_LABEL[t]}>
                  <input type="hidden" name="email" value={email} />
                  <input type="hidden" name="trust" value={t} />
                  <SubmitButton className="button--quiet">{TRUST_LABEL[t]}</SubmitButton>
                </ActionForm>
              ))}
          </div>
        </section>
      )}
      {rows.length > 0 && <ModerationTable rows={rows} showStatus />}
    </>
  );
}
