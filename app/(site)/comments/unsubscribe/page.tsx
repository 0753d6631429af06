import type { Metadata } from 'next';
import { LinkNotWorking } from '@/components/link-not-working';
import { SiteLink } from '@/components/site-link';

// Opening the link changes nothing (mail scanners fetch links): the button posts to the API route.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Reply emails', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StopRepliesPage({ searchParams }: Props) {
  const params = await searchParams;
  const what = params.what === 'all' ? 'all' : 'thread';
  const token = typeof params.t === 'string' ? params.t : '';
  if (params.result === 'stopped') {
    return (
      <div className="notice">
        <h1>Done</h1>
        <p role="status">
          {what === 'all'
            ? 'You will get no more emails about replies to your comments.'
            : 'You will get no more emails about replies to that comment.'}
        </p>
        <p>
          To hear of replies again, tick “Email me when someone replies” when you next comment. <SiteLink href="/">Front page</SiteLink>
        </p>
      </div>
    );
  }
  if (params.result === 'invalid' || !token) {
    return <LinkNotWorking />;
  }
  return (
    <div className="notice">
      <h1>{what === 'all' ? 'Stop every reply email?' : 'Stop emails about this comment?'}</h1>
      <form method="post" action={`/api/comments/unsubscribe?what=${what}&t=${encodeURIComponent(token)}`}>
        <input type="hidden" name="from" value="page" />
        <button type="submit">{what === 'all' ? 'Stop every reply email' : 'Stop these emails'}</button>
      </form>
    </div>
  );
}
