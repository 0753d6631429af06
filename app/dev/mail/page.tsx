import type { Metadata } from 'next';
import { DataTable } from '@/components/admin/data-table';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/date-time';
import { mayReadLocalMailbox, listMailbox } from '@/lib/mail/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Local mailbox', robots: { index: false, follow: false } };

export default async function MailboxPage() {
  if (!(await mayReadLocalMailbox())) notFound();
  const emails = listMailbox();
  return (
    <main id="main" className="wrap">
      <header className="page-header">
        <p className="kicker">Development</p>
        <h1>Local mailbox</h1>
        <p>
          No RESEND_API_KEY is set, so email stays on this machine. Every email the site has sent is listed here, newest first. Because it
          holds sign-in links, this page is shown only to a browser on this machine (a loopback address); from anywhere else it does not
          exist.
        </p>
      </header>
      <DataTable
        rows={emails}
        rowKey={(e) => e.id}
        empty={<p>No email yet.</p>}
        columns={[
          { header: 'To', cell: (e) => e.recipient },
          { header: 'Subject', cell: (e) => <Link href={`/dev/mail/${e.id}`}>{e.subject}</Link> },
          { header: 'Kind', cell: (e) => e.kind },
          { header: 'Status', cell: (e) => e.status },
          { header: 'Created', cell: (e) => <DateTime iso={e.createdAt.toISOString()} showTime /> },
        ]}
      />
    </main>
  );
}
