import type { Metadata } from 'next';
import Link from 'next/link';
import { countArticlesByTab } from '@/lib/articles/admin-queries';
import { canAccess } from '@/lib/auth/roles';
import { requireStaff } from '@/lib/auth/session';
import { countCommentsByStatus, countCommentsThisWeek } from '@/lib/comments/moderation';
import { getOutboxCounts } from '@/lib/mail/queries';
import { confirmationsPerDay, countSubscribersByStatus } from '@/lib/newsletter/admin';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview' };

function ConfirmationsChart({ days }: { days: { day: string; n: number }[] }) {
  const max = Math.max(1, ...days.map((d) => d.n));
  const total = days.reduce((sum, d) => sum + d.n, 0);
  const w = 8;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${days.length * (w + 2)} 60`}
        role="img"
        aria-label={`Confirmations per day over the last 30 days: ${total} in all`}
      >
        {days.map((d, i) => {
          const h = Math.round((d.n / max) * 56);
          return (
            <rect key={d.day} x={i * (w + 2)} y={60 - h} width={w} height={Math.max(h, d.n ? 2 : 0)} className="chart__bar">
              <title>{`${d.day}: ${d.n}`}</title>
            </rect>
          );
        })}
        <line x1="0" y1="59.5" x2={days.length * (w + 2)} y2="59.5" className="chart__axis" />
      </svg>
      <figcaption>
        {total} confirmations in the last 30 days ({days[0]?.day} to {days.at(-1)?.day})
      </figcaption>
    </figure>
  );
}

export default async function OverviewPage() {
  const staff = await requireStaff();
  const moderates = canAccess(staff.role, 'moderator');
  const edits = canAccess(staff.role, 'editor');
  const comments = countCommentsByStatus();
  const week = countCommentsThisWeek();
  const subscribers = countSubscribersByStatus();
  const outbox = getOutboxCounts();
  const articles = countArticlesByTab();
  return (
    <>
      <h1>Overview</h1>
      <div className="stat-grid">
        {edits && (
          <>
            <Link href="/admin/articles?tab=drafts" className="stat">
              <span className="stat__value">{articles.drafts}</span>
              <span className="stat__label">drafts</span>
            </Link>
            <Link href="/admin/articles?tab=scheduled" className="stat">
              <span className="stat__value">{articles.scheduled}</span>
              <span className="stat__label">scheduled</span>
            </Link>
          </>
        )}
        {moderates && (
          <>
            <Link href="/admin/comments?status=pending" className="stat">
              <span className="stat__value">{comments.pending}</span>
              <span className="stat__label">pending comments</span>
            </Link>
            <div className="stat">
              <span className="stat__value">{week}</span>
              <span className="stat__label">comments this week</span>
            </div>
          </>
        )}
        {moderates && (
          <>
            <Link href="/admin/subscribers?status=confirmed" className="stat">
              <span className="stat__value">{subscribers.confirmed}</span>
              <span className="stat__label">confirmed subscribers</span>
            </Link>
            <Link href="/admin/outbox" className={`stat${outbox.failed ? ' stat--alert' : ''}`}>
              <span className="stat__value">{outbox.failed ?? 0}</span>
              <span className="stat__label">emails failed</span>
            </Link>
          </>
        )}
      </div>
      {moderates && (
        <section aria-labelledby="subs-heading">
          <h2 id="subs-heading">Subscribers by status</h2>
          <table className="data-table">
            <tbody>
              {Object.entries(subscribers).map(([status, n]) => (
                <tr key={status}>
                  <th scope="row">
                    <Link href={`/admin/subscribers?status=${status}`}>{status}</Link>
                  </th>
                  <td>{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Confirmations</h2>
          <ConfirmationsChart days={confirmationsPerDay(30)} />
        </section>
      )}
    </>
  );
}
