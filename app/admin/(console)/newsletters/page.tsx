import type { Metadata } from 'next';
import Link from 'next/link';
import { DateTime } from '@/components/date-time';
import { IssueForm } from '@/components/admin/issue-form';
import { requireStaff } from '@/lib/auth/session';
import { saveIssueAction } from '@/lib/newsletter/admin-actions';
import { listArticlesForComposer, listIssues } from '@/lib/newsletter/issues';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Newsletters' };

export default async function NewslettersPage() {
  await requireStaff();
  const issues = listIssues();
  const articles = listArticlesForComposer();
  return (
    <>
      <h1>Newsletters</h1>
      {issues.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Status</th>
              <th scope="col">Recipients</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link href={`/admin/newsletters/${i.id}`}>{i.subject}</Link>
                </td>
                <td>{i.status}</td>
                <td>{i.recipientCount ?? '–'}</td>
                <td>{i.sendStartedAt ? <DateTime iso={i.sendStartedAt.toISOString()} showTime /> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>New issue</h2>
      <IssueForm action={saveIssueAction} subject="" intro="" articles={articles} selected={[]} />
    </>
  );
}
