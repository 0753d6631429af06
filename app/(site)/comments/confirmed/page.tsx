import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your email is confirmed', robots: { index: false, follow: false } };

export default function ConfirmedPage() {
  return (
    <div className="notice">
      <h1>Your email is confirmed</h1>
      <p role="status">
        This browser now comments as the owner of your address. Tick “Email me when someone replies” under a comment form to hear of
        answers; once our moderators have approved a few of your comments, new ones from this browser appear at once.
      </p>
      <p>
        <SiteLink href="/">Back to the front page</SiteLink>
      </p>
    </div>
  );
}
