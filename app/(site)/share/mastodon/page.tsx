import type { Metadata } from 'next';
import { mastodonHost } from '@/lib/site/share';

// Mastodon has no single address to share to: each reader's server has its own. This page asks
// which, then links there (a link, not a redirect: the site's CSP lets forms go only to itself).
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Share on Mastodon', robots: { index: false } };

type Props = { searchParams: Promise<{ text?: string | string[]; server?: string | string[] }> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function ShareOnMastodon({ searchParams }: Props) {
  const params = await searchParams;
  const text = first(params.text).slice(0, 500);
  const typed = first(params.server).slice(0, 300);
  const host = typed ? mastodonHost(typed) : null;
  return (
    <div className="notice share-page">
      <h1>Share on Mastodon</h1>
      <form method="get" action="/share/mastodon" className="inline-form">
        <input type="hidden" name="text" value={text} />
        <div className="field">
          <label htmlFor="mastodon-server">Your Mastodon server</label>
          <input
            id="mastodon-server"
            name="server"
            type="text"
            inputMode="url"
            autoComplete="url"
            placeholder="mastodon.social"
            defaultValue={typed}
            aria-invalid={typed !== '' && !host}
            aria-describedby={typed !== '' && !host ? 'mastodon-server-error' : undefined}
          />
          {typed !== '' && !host && (
            <p id="mastodon-server-error" className="field-error">
              Type the name of your server, such as mastodon.social.
            </p>
          )}
        </div>
        <button type="submit">Next</button>
      </form>
      {host && (
        <p>
          <a className="button" href={`https://${host}/share?${new URLSearchParams({ text })}`} rel="noopener noreferrer nofollow">
            Share on {host}
          </a>
        </p>
      )}
      <p className="hint">The post: {text || '(nothing to share)'}</p>
    </div>
  );
}
