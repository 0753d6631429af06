// Sharing an article without any third-party script: each network's own share address, opened as
// a plain link, so nothing loads from another site until the reader chooses to go there.

export interface ShareTarget {
  name: string;
  href: string;
}

/** The share links for a page at `url` titled `title`; Mastodon goes through our own page (servers differ). */
export function shareTargets({ url, title }: { url: string; title: string }): ShareTarget[] {
  const text = `${title} ${url}`;
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return [
    { name: 'Email', href: `mailto:?${q({ subject: title, body: url }).replace(/\+/g, '%20')}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?${q({ url })}` },
    { name: 'X', href: `https://x.com/intent/post?${q({ text: title, url })}` },
    { name: 'Bluesky', href: `https://bsky.app/intent/compose?${q({ text })}` },
    { name: 'Mastodon', href: `/share/mastodon?${q({ text })}` },
  ];
}

/**
 * The Mastodon server a reader typed ("mastodon.social", "https://hachyderm.io/"), as a bare host
 * name, or null when it is not one: the share link is built from it, so nothing else gets through.
 */
export function mastodonHost(input: string): string | null {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/^@?[^@]*@/, '');
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : null;
}
