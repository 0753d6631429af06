import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm, SubmitButton } from '@/components/admin/action-form';
import { DateTime } from '@/components/date-time';
import { requireStaff } from '@/lib/auth/session';
import { eraseAddressAction } from '@/lib/privacy/admin-actions';
import { collectHoldings } from '@/lib/privacy/holdings';
import { isAddressSuppressed } from '@/lib/privacy/suppression';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Readers’ data' };

/**
 * What the site holds for one address, for an admin answering a reader who writes in rather than
 * using My data: the same view, the same download, the same erasure.
 */
export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  await requireStaff('admin');
  const email = ((await searchParams).email ?? '').trim().toLowerCase().slice(0, 254);
  const held = email ? collectHoldings(email) : null;
  const suppressed = email ? isAddressSuppressed(email) : false;
  const nothing =
    held && held.comments.length === 0 && !held.subscription && !held.commenter && held.emails.length + held.olderEmails === 0;
  return (
    <>
      <h1>Readers’ data</h1>
      <p className="hint">
        Readers see, download and erase their own data at <Link href="/my-data">/my-data</Link>. Use this page when one asks by email or
        letter, once you are sure the request comes from the address’s owner.
      </p>
      <form method="get" className="search-form" role="search" aria-label="Find an address">
        <label htmlFor="privacy-email" className="visually-hidden">
          Email address
        </label>
        <input id="privacy-email" name="email" type="search" defaultValue={email} placeholder="Email address" />
        <button type="submit">Show what we hold</button>
      </form>
      {held && (
        <section aria-labelledby="held-heading">
          <h2 id="held-heading">Held for {email}</h2>
          {suppressed && (
            <p className="form-message">This address was erased at its owner’s request; only its owner can sign it up again.</p>
          )}
          {nothing ? (
            <p>Nothing.</p>
          ) : (
            <>
              <ul>
                <li>
                  {held.comments.length} {held.comments.length === 1 ? 'comment' : 'comments'}
                  {held.comments.length > 0 && (
                    <>
                      {' '}
                      (<Link href={`/admin/comments/history?email=${encodeURIComponent(email)}`}>history</Link>)
                    </>
                  )}
                </li>
                <li>
                  Newsletter:{' '}
                  {held.subscription ? (
                    <>
                      {held.subscription.status}, consent{' '}
                      {held.subscription.consent.at ? <DateTime iso={held.subscription.consent.at} /> : 'not recorded'}
                      {held.subscription.consent.source && <> on {held.subscription.consent.source}</>}
                    </>
                  ) : (
                    'none'
                  )}
                </li>
                <li>
                  {held.emails.length} {held.emails.length === 1 ? 'email' : 'emails'} sent in the last 90 days
                  {held.olderEmails > 0 && `, and the records of ${held.olderEmails} older`}
                </li>
                {held.commenter && (
                  <li>
                    Proven for comments{held.commenter.provenAt ? '' : ' (not yet confirmed)'}; {held.commenter.browsers} browsers hold a
                    credential
                  </li>
                )}
              </ul>
              <p>
                <a className="button button--quiet" href={`/admin/privacy/export?email=${encodeURIComponent(email)}`} download>
                  Download as JSON
                </a>
              </p>
              <ActionForm action={eraseAddressAction} className="privacy-erase" label={`Erase the data held for ${email}`}>
                <input type="hidden" name="email" value={email} />
                <label>
                  <input type="checkbox" name="confirm" value="yes" /> The owner of this address asked us to erase their data
                </label>
                <SubmitButton>Erase everything held for this address</SubmitButton>
              </ActionForm>
            </>
          )}
        </section>
      )}
    </>
  );
}
