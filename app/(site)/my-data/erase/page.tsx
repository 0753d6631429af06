import type { Metadata } from 'next';
import { MyDataLinkNeeded } from '@/components/my-data-link-needed';
import Link from 'next/link';
import { eraseMyData } from '@/lib/privacy/actions';
import { requestSessionEmail } from '@/lib/privacy/requests';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Erase my data', robots: { index: false, follow: false }, referrer: 'same-origin' };

/** Asks once more before erasing: it cannot be undone. */
export default async function EraseMyDataPage() {
  const email = await requestSessionEmail();
  if (!email) return <MyDataLinkNeeded title="Erase my data" />;
  return (
    <div className="notice">
      <h1>Erase everything we hold for {email}?</h1>
      <p>
        Your comments are deleted, in every status (where others replied, the comment will read “Comment removed at the author’s request.”),
        with your newsletter subscription and the record of your consent, and your address is taken out of the records of the emails we sent
        you. This cannot be undone.
      </p>
      <p>We send one last email to confirm what was erased.</p>
      <form action={eraseMyData} className="my-data__actions">
        <button type="submit">Yes, erase my data</button>
        <Link className="button button--quiet" href="/my-data/view">
          Cancel
        </Link>
      </form>
    </div>
  );
}
