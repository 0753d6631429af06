import type { Metadata } from 'next';
import { EmailRequestForm } from '@/components/email-request-form';
import { SiteLink } from '@/components/site-link';
import { env } from '@/lib/env';
import { requestMyDataLink } from '@/lib/privacy/actions';

// Asks for an address only; what we hold is shown after the owner opens the link we email.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'My data',
  description: `See, download or erase what ${env.SITE_NAME} holds for your email address.`,
  alternates: { canonical: '/my-data' },
};

export default async function MyDataPage({ searchParams }: { searchParams: Promise<{ closed?: string }> }) {
  const closed = (await searchParams).closed === '1';
  return (
    <div className="my-data">
      <header className="page-header">
        <p className="kicker">Your data</p>
        <h1>My data</h1>
        <p>See everything we hold for your email address, download it, or erase it. No account needed.</p>
      </header>
      {closed && (
        <p className="form-message" role="status">
          Closed. Nobody using this browser can see your data without a new link.
        </p>
      )}
      <p>
        We hold an email address when someone comments with it, signs up to the newsletter with it, or when we email it. Enter yours and we
        send a link to it: the link shows what we hold, and only the person who reads that mailbox can open it.
      </p>
      <EmailRequestForm action={requestMyDataLink} id="my-data-email" submitLabel="Email me a link" />
      <p className="hint">
        Our <SiteLink href="/privacy">privacy notice</SiteLink> says what we collect and why.
      </p>
    </div>
  );
}
