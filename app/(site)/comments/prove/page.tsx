import type { Metadata } from 'next';
import { EmailRequestForm } from '@/components/email-request-form';
import { SiteLink } from '@/components/site-link';
import { requestProofLink } from '@/lib/comments/commenter-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Confirm your email to comment faster',
  robots: { index: false, follow: true },
  alternates: { canonical: '/comments/prove' },
};

export default function ProvePage() {
  return (
    <div className="my-data">
      <header className="page-header">
        <p className="kicker">Comments</p>
        <h1>Confirm your email to comment faster</h1>
        <p>Prove your address once, from this browser, and comment from it as its owner.</p>
      </header>
      <p>
        We email you a link; its button confirms the address in the browser you open it in. From then on you can ask to be emailed when
        someone replies to you, and once our moderators have approved a few of your comments, new ones from that browser appear at once.
        Your address is never published.
      </p>
      <EmailRequestForm action={requestProofLink} id="prove-email" submitLabel="Send me a link" />
      <p className="hint">
        <SiteLink href="/comment-policy">Our comment policy</SiteLink> · <SiteLink href="/privacy">How we use your data</SiteLink>
      </p>
    </div>
  );
}
