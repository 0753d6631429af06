import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/date-time';
import { getMailboxEmail, mayReadLocalMailbox } from '@/lib/mail/queries';
import { idempotencyKeyOf } from '@/lib/mail/outbox';
import { parseIdParam } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Email', robots: { index: false, follow: false } };

export default async function MailboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!(await mayReadLocalMailbox())) notFound();
  const id = parseIdParam((await params).id);
  const email = id === null ? null : getMailboxEmail({ id });
  if (!email) notFound();
  const headers = { To: email.recipient, Subject: email.subject, ...email.headers };
  return (
    <main id="main" className="wrap">
      <p>
        <Link href="/dev/mail">← Local mailbox</Link>
      </p>
      <h1>{email.subject}</h1>
      <h2>Headers</h2>
      <dl className="headers-list">
        {Object.entries(headers).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>Idempotency-Key</dt>
          <dd>{idempotencyKeyOf(email)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{email.status}</dd>
        </div>
      </dl>
      {email.bodyRemovedAt ? (
        <p>
          Its body, with any link in it, was removed on <DateTime iso={email.bodyRemovedAt.toISOString()} showTime />, as every sent
          email&apos;s is after MAIL_KEEP_DAYS.
        </p>
      ) : (
        <>
          <h2>HTML</h2>
          {/* The email's own HTML, isolated: no scripts, no access to this page. */}
          <iframe title="HTML version of the email" sandbox="" srcDoc={email.html} className="mail-frame" />
          <h2>Plain text</h2>
          <pre className="mail-text">{email.text}</pre>
        </>
      )}
    </main>
  );
}
