import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your data is erased', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const count = (v: string | string[] | undefined) => (typeof v === 'string' && /^\d{1,7}$/.test(v) ? Number(v) : 0);

export default async function ErasedPage({ searchParams }: Props) {
  const params = await searchParams;
  const comments = count(params.comments);
  const emails = count(params.emails);
  const erased = [
    comments > 0 && `${comments} ${comments === 1 ? 'comment' : 'comments'}`,
    params.subscription === '1' && 'your newsletter subscription and the record of your consent',
    params.commenter === '1' && 'the confirmation of your address for comments, and your reply-email settings',
    emails > 0 && `your address, from the records of ${emails} ${emails === 1 ? 'email' : 'emails'} we sent`,
  ].filter((line): line is string => Boolean(line));
  return (
    <div className="notice">
      <h1>Your data is erased</h1>
      <div role="status">
        {erased.length > 0 ? (
          <>
            <p>We erased:</p>
            <ul className="my-data__erased">
              {erased.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p>An email confirming it is on its way: the last we send to the address, unless you sign up or comment again.</p>
          </>
        ) : (
          <p>Nothing was left to erase.</p>
        )}
      </div>
      <p>
        <SiteLink href="/">Back to the front page</SiteLink>
      </p>
    </div>
  );
}
