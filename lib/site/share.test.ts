import { describe, expect, it } from 'vitest';
import { mastodonHost, shareTargets } from './share';

describe('share links', () => {
  it('carry the title and address, encoded, to each network', () => {
    const links = Object.fromEntries(
      shareTargets({ url: 'https://news.example/articles/a-b', title: 'Councils & AI: what £2m bought' }).map((t) => [t.name, t.href]),
    );
    expect(links.Email).toBe(
      'mailto:?subject=Councils%20%26%20AI%3A%20what%20%C2%A32m%20bought&body=https%3A%2F%2Fnews.example%2Farticles%2Fa-b',
    );
    expect(links.LinkedIn).toBe('https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fnews.example%2Farticles%2Fa-b');
    expect(new URL(links.X!).searchParams.get('text')).toBe('Councils & AI: what £2m bought');
    expect(new URL(links.Bluesky!).searchParams.get('text')).toBe('Councils & AI: what £2m bought https://news.example/articles/a-b');
    expect(links.Mastodon).toMatch(/^\/share\/mastodon\?text=/);
  });
});

describe('mastodonHost', () => {
  it('takes a server however it is typed', () => {
    expect(mastodonHost('mastodon.social')).toBe('mastodon.social');
    expect(mastodonHost(' https://Hachyderm.io/ ')).toBe('hachyderm.io');
    expect(mastodonHost('@jo@fosstodon.org')).toBe('fosstodon.org');
  });

  it('refuses anything that is not a host name', () => {
    for (const bad of ['', 'localhost', 'javascript:alert(1)', 'a b.example', '-x.example', 'x'.repeat(300) + '.com'])
      expect(mastodonHost(bad), bad).toBeNull();
  });
});
