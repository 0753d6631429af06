import type { Metadata } from 'next';
import Link from 'next/link';
import { countArticlesByTab } from '@/lib/articles/admin-queries';
import { canAccess } from '@/lib/auth/roles';
import { requireStaff } from '@/lib/auth/session';
import { countCommentsByStatus, countCommentsThisWeek } from '@/lib/comments/moderation';
import { reportsWaiting } from '@/lib/comments/reports';
import { getOutboxCounts } from '@/lib/mail/queries';
import { countSubscribersByStatus } from '@/lib/newsletter/admin';
import { dailyActivity } from '@/lib/staff/activity';
import { ActivityChart } from '@/components/admin/activity-chart';
import { BackupStatus } from '@/components/admin/backup-status';
import { CachePurgeStatus } from '@/components/admin/cache-purge-status';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const staff = await requireStaff();
  const moderates = canAccess(staff.role, 'moderator');
  const edits = canAccess(staff.role, 'editor');
  const comments = countCommentsByStatus();
  const week = countCommentsThisWeek();
  const reports = reportsWaiting();
  const subscribers = countSubscribersByStatus();
  const outbox = getOutboxCounts();
  const articles = countArticlesByTab();
  const activity = moderates ? dailyActivity(30) : null;
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
            <Link href="/admin/comments?status=reported" className={`stat${comments.reported ? ' stat--alert' : ''}`}>
              <span className="stat__value">{comments.reported}</span>
              <span className="stat__label">taken down by reports</span>
            </Link>
            <Link href="/admin/comments?status=approved" className="stat">
              <span className="stat__value">{reports.openOnPublic}</span>
              <span className="stat__label">reports on published comments</span>
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
        </section>
      )}
      {canAccess(staff.role, 'admin') && <BackupStatus />}
      {canAccess(staff.role, 'admin') && <CachePurgeStatus />}
      {activity && (
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading">The last 30 days</h2>
          <ActivityChart title="Comments" unit="Comments" days={activity.days} series={activity.comments} />
          <ActivityChart title="Subscribers" unit="Addresses" days={activity.days} series={activity.subscribers} />
        </section>
      )}
    </>
  );
}
