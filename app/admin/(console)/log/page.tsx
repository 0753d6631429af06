import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/admin/data-table';
import { PaginationNav } from '@/components/pagination-nav';
import { DateTime } from '@/components/date-time';
import { parsePageParam } from '@/lib/articles/pagination';
import { canAccess } from '@/lib/auth/roles';
import { requireStaff } from '@/lib/auth/session';
import { listModerationLog } from '@/lib/comments/moderation';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Staff log' };

type Props = { searchParams: Promise<{ actor?: string; action?: string; page?: string }> };

export default async function LogPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const params = await searchParams;
  const actor = (params.actor ?? '').trim().slice(0, 254);
  const page = parsePageParam(params.page) ?? 1;
  // Comment entries can name a commenter's address: an editor sees the newsroom's entries only.
  const log = listModerationLog({
    actor: actor || undefined,
    action: params.action || undefined,
    page,
    newsroomOnly: !canAccess(staff.role, 'moderator'),
  });
  const action = log.actions.includes(params.action ?? '') ? params.action : '';
  const href = (p: number) => `/admin/log?${new URLSearchParams({ actor, action: action ?? '', page: String(p) })}`;
  return (
    <>
      <h1>Staff log</h1>
      <form method="get" className="inline-form" aria-label="Filter the log">
        <div className="field">
          <label htmlFor="log-actor">Who</label>
          <select id="log-actor" name="actor" defaultValue={actor}>
            <option value="">Anyone</option>
            {log.actors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="log-action">Action</label>
          <select id="log-action" name="action" defaultValue={action}>
            <option value="">Any</option>
            {log.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Filter</button>
      </form>
      <p>{log.total === 1 ? '1 entry' : `${log.total} entries`}</p>
      <DataTable
        rows={log.rows}
        rowKey={(r) => r.id}
        columns={[
          { header: 'When', cell: (r) => <DateTime iso={r.createdAt.toISOString()} showTime /> },
          { header: 'Who', cell: (r) => r.actor },
          {
            header: 'What',
            cell: (r) => (
              <>
                {r.action}
                {r.detail && <> {r.link ? <Link href={r.link}>{r.detail}</Link> : <span className="hint">{r.detail}</span>}</>}
              </>
            ),
          },
          {
            header: 'Comments',
            cell: (r) =>
              r.commentIds.length > 3 ? (
                // A bulk action: the ids, each a link; the text of one would say little about the rest.
                r.commentIds.map((id, i) => {
                  const c = log.commentArticles.get(id);
                  return (
                    <span key={id}>
                      {i > 0 && ', '}
                      {c ? <a href={`/articles/${c.slug}#comment-${id}`}>#{id}</a> : `#${id}`}
                    </span>
                  );
                })
              ) : (
                <ul className="log-comments">
                  {r.commentIds.map((id) => {
                    const c = log.commentArticles.get(id);
                    // A comment deleted for good has nothing left to show or link.
                    if (!c) return <li key={id}>#{id} (deleted)</li>;
                    return (
                      <li key={id}>
                        <a href={`/articles/${c.slug}#comment-${id}`}>#{id}</a> by {c.authorName} on “{c.title}”:{' '}
                        <q className="hint">
                          {c.excerpt}
                          {c.excerpt.length >= 160 ? '…' : ''}
                        </q>
                      </li>
                    );
                  })}
                </ul>
              ),
          },
        ]}
      />
      <PaginationNav base="/admin" page={page} pageCount={log.pageCount} href={href} />
    </>
  );
}
