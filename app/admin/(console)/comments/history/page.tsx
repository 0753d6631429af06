import type { Metadata } from 'next';
import Link from 'next/link';
import { ModerationTable } from '@/components/admin/moderation-table';
import { requireStaff } from '@/lib/auth/session';
import { listCommentsByEmail } from '@/lib/comments/moderation';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Commenter history' };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const staff = await requireStaff('moderator');
  const email = ((await searchParams).email ?? '').trim().toLowerCase().slice(0, 254);
  const rows = email ? listCommentsByEmail({ email }) : [];
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
      {rows.length > 0 && <ModerationTable rows={rows} showStatus />}
    </>
  );
}
