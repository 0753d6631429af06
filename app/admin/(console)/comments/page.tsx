import type { Metadata } from 'next';
import Link from 'next/link';
import { PaginationNav } from '@/components/pagination-nav';
import { ModerationShortcuts } from '@/components/admin/moderation-shortcuts';
import { ModerationTable } from '@/components/admin/moderation-table';
import { COMMENT_STATUSES, type CommentStatus } from '@/db/schema';
import { parsePageParam } from '@/lib/articles/pagination';
import { requireStaff } from '@/lib/auth/session';
import { countCommentsByStatus, listModerationQueue } from '@/lib/comments/moderation';
import { openReportsFor } from '@/lib/comments/reports';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Comments' };

const LABELS: Record<CommentStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  reported: 'Reported',
  spam: 'Spam',
  trash: 'Trash',
};

type Props = { searchParams: Promise<{ status?: string; page?: string }> };

export default async function CommentsConsole({ searchParams }: Props) {
  await requireStaff('moderator');
  const params = await searchParams;
  const status: CommentStatus = COMMENT_STATUSES.includes(params.status as CommentStatus) ? (params.status as CommentStatus) : 'pending';
  const page = parsePageParam(params.page) ?? 1;
  const counts = countCommentsByStatus();
  const queue = listModerationQueue({ status, page });
  const reports = openReportsFor(queue.rows.filter((r) => r.reportCount > 0).map((r) => r.id));
  const href = (s: CommentStatus, p = 1) => `/admin/comments?status=${s}${p > 1 ? `&page=${p}` : ''}`;
  return (
    <>
      <div className="page-head">
        <h1>Comments</h1>
        <Link href="/admin/blocklist">Blocklist</Link>
      </div>
      <nav aria-label="Comment status" className="tabs">
        <ul>
          {COMMENT_STATUSES.map((s) => (
            <li key={s}>
              <Link href={href(s)} aria-current={s === status ? 'page' : undefined}>
                {LABELS[s]} <span className="count">({counts[s]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ModerationShortcuts />
      {queue.rows.length === 0 ? (
        <p>No {LABELS[status].toLowerCase()} comments.</p>
      ) : (
        <ModerationTable rows={queue.rows} status={status} reports={reports} />
      )}
      <PaginationNav base="/admin" page={page} pageCount={queue.pageCount} href={(n) => href(status, n)} />
    </>
  );
}
