import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/admin/data-table';
import { DateTime } from '@/components/date-time';
import { IssueForm } from '@/components/admin/issue-form';
import { requireStaff } from '@/lib/auth/session';
import { saveIssueAction } from '@/lib/newsletter/admin-actions';
import { listArticlesForComposer, listIssues, listNewsletterSections } from '@/lib/newsletter/issues';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Newsletters' };

export default async function NewslettersPage() {
  await requireStaff();
  const issues = listIssues();
  const articles = listArticlesForComposer();
  return (
    <>
      <h1>Newsletters</h1>
      <DataTable
        rows={issues}
        rowKey={(i) => i.id}
        empty={null}
        columns={[
          { header: 'Issue', cell: (i) => <Link href={`/admin/newsletters/${i.id}`}>{i.subject}</Link> },
          { header: 'Status', cell: (i) => i.status },
          { header: 'Recipients', cell: (i) => i.recipientCount ?? '–' },
          { header: 'Sent', cell: (i) => (i.sendStartedAt ? <DateTime iso={i.sendStartedAt.toISOString()} showTime /> : '–') },
          { header: 'Audience', cell: (i) => (i.audience ? `${i.audience} subscribers` : 'Everyone') },
        ]}
      />
      <h2>New issue</h2>
      <IssueForm action={saveIssueAction} subject="" intro="" articles={articles} selected={[]} sections={listNewsletterSections()} />
    </>
  );
}
