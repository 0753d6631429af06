import type { Metadata } from 'next';
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
          No RESEND_API_KEY is set, so email stays on this machine. Every email the site has sent is listed here, newest
          first. Because it holds sign-in links, this page is shown only to a browser on this machine (a loopback
          address); from anywhere else it does not exist.
        </p>
      </header>
      {emails.length === 0 ? (
        <p>No email yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr key={e.id}>
                <td>{e.recipient}</td>
                <td>
                  <Link href={`/dev/mail/${e.id}`}>{e.subject}</Link>
                </td>
                <td>{e.kind}</td>
                <td>{e.status}</td>
                <td>
                  <DateTime iso={e.createdAt.toISOString()} showTime />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
