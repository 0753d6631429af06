import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { invalidateTags } from '../test/support/site-db';
import { insertComment, openArticle, uniqueTag } from './support/admin-data';
import { DRAFT_SLUG, listPublished, listSections } from './support/site-content';

interface ParsedFeed {
  error: string | null;
  title: string;
  link: string;
  self: string | null;
  items: { title: string; link: string; guid: string; pubDate: string }[];
}

/** Parses RSS with the browser's strict XML parser, which reports any well-formedness error. */
async function parseFeed(page: Page, xml: string): Promise<ParsedFeed> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const child = (el: Element | Document, name: string) => el.getElementsByTagName(name)[0]?.textContent ?? '';
    const channel = doc.getElementsByTagName('channel')[0];
    return {
      error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
      title: channel ? child(channel, 'title') : '',
      link: channel ? child(channel, 'link') : '',
      self: doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'link')[0]?.getAttribute('href') ?? null,
      items: [...doc.getElementsByTagName('item')].map((item) => ({
        title: child(item, 'title'),
        link: child(item, 'link'),
        guid: child(item, 'guid'),
        pubDate: child(item, 'pubDate'),
      })),
    };
  }, xml);
}

async function parseSitemap(page: Page, xml: string): Promise<{ error: string | null; locs: string[] }> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
      locs: [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')].map((l) => l.textContent ?? ''),
    };
  }, xml);
}

test('the RSS feed is well-formed XML with the latest articles first and absolute links', async ({ page, request, siteDb, settings }) => {
  const response = await request.get('/feed.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/rss+xml');
  const feed = await parseFeed(page, await response.text());

  expect(feed.error).toBeNull();
  expect(feed.link).toBe(`${settings.siteUrl}/`);
  expect(feed.self).toBe(`${settings.siteUrl}/feed.xml`);
  const expected = listPublished(siteDb).slice(0, 30);
  expect(feed.items.map((i) => i.link)).toEqual(expected.map((a) => `${settings.siteUrl}/articles/${a.slug}`));
  expect(feed.items.map((i) => i.guid)).toEqual(feed.items.map((i) => i.link));
  const dates = feed.items.map((i) => Date.parse(i.pubDate));
  expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
  expect(feed.items.some((i) => i.link.includes(DRAFT_SLUG))).toBe(false);
});

test('each section has its own feed with only that section', async ({ page, request, siteDb, settings }) => {
  const section = listSections(siteDb).find((s) => s.slug === 'data');
  if (!section) throw new Error('The seed has no Data section');
  const response = await request.get(`/section/${section.slug}/feed.xml`);
  expect(response.status()).toBe(200);
  const feed = await parseFeed(page, await response.text());

  expect(feed.error).toBeNull();
  expect(feed.title).toContain(section.name);
  expect(feed.link).toBe(`${settings.siteUrl}/section/${section.slug}`);
  const expected = listPublished(siteDb, { sectionSlug: section.slug });
  expect(expected.length).toBeGreaterThan(0);
  expect(feed.items.map((i) => i.link)).toEqual(expected.map((a) => `${settings.siteUrl}/articles/${a.slug}`));
});

test('the sitemap lists every published article and not the draft', async ({ page, request, siteDb, settings }) => {
  const response = await request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  const sitemap = await parseSitemap(page, await response.text());

  expect(sitemap.error).toBeNull();
  const articleLocs = sitemap.locs.filter((l) => l.startsWith(`${settings.siteUrl}/articles/`));
  expect(articleLocs.sort()).toEqual(
    listPublished(siteDb)
      .map((a) => `${settings.siteUrl}/articles/${a.slug}`)
      .sort(),
  );
  expect(sitemap.locs.filter((l) => l.includes(DRAFT_SLUG))).toEqual([]);
  expect(sitemap.locs).toContain(`${settings.siteUrl}/`);
  for (const section of listSections(siteDb)) expect(sitemap.locs).toContain(`${settings.siteUrl}/section/${section.slug}`);
});

test('robots.txt allows crawling, keeps search out and points at the sitemap', async ({ request, settings }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^User-Agent: \*$/im);
  expect(text).toMatch(/^Allow: \/$/m);
  expect(text).toMatch(/^Disallow: \/search$/m);
  expect(text).toContain(`Sitemap: ${settings.siteUrl}/sitemap.xml`);
});

test('an article has a canonical URL, OpenGraph and Twitter tags, an OG image and NewsArticle JSON-LD', async ({
  page,
  request,
  siteDb,
  settings,
}) => {
  const article = listPublished(siteDb)[1]!;
  const url = `${settings.siteUrl}/articles/${article.slug}`;
  await page.goto(`/articles/${article.slug}`);

  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', article.title);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', url);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await expect(page.locator('meta[name="twitter:title"]')).toHaveAttribute('content', article.title);

  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toMatch(new RegExp(`^${settings.siteUrl}/articles/${article.slug}/`));
  const png = await request.get(image!);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  expect((await png.body()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
  expect(ld).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    url,
    mainEntityOfPage: url,
    datePublished: new Date(article.publishedAt).toISOString(),
    dateModified: new Date(article.revisedAt ?? article.publishedAt).toISOString(),
    articleSection: article.sectionName,
    author: [{ '@type': 'Person', name: article.authorName, url: `${settings.siteUrl}/author/${article.authorSlug}` }],
    publisher: { '@type': 'Organization', url: settings.siteUrl },
  });
});

test('comment feeds: the latest approved comments site-wide and per article, by name, never by email, named in the head', async ({
  page,
  request,
  siteDb,
  settings,
}) => {
  const article = openArticle(siteDb, 5);
  const tag = uniqueTag('comment-feed');
  const email = `${tag}@example.com`;
  const approved = insertComment(siteDb, {
    articleId: article.id,
    authorName: `Feed Reader ${tag}`,
    authorEmail: email,
    body: `First paragraph <b>${tag}</b>.\n\nSecond paragraph.`,
    status: 'approved',
  });
  insertComment(siteDb, { articleId: article.id, authorName: `Waiting ${tag}`, authorEmail: email, body: `Pending ${tag}` });
  invalidateTags(siteDb, [`article:${article.slug}`, 'comment-counts']);
  const link = `${settings.siteUrl}/articles/${article.slug}#comment-${approved}`;

  for (const path of ['/feed/comments.xml', `/articles/${article.slug}/feed.xml`]) {
    await expect.poll(async () => (await request.get(path)).text(), { message: path }).toContain(link);
    const response = await request.get(path);
    expect(response.headers()['content-type']).toContain('application/rss+xml');
    const xml = await response.text();
    const feed = await parseFeed(page, xml);
    expect(feed.error, path).toBeNull();
    expect(feed.self).toBe(`${settings.siteUrl}${path}`);
    const item = feed.items.find((i) => i.link === link)!;
    expect(item.title).toBe(`Feed Reader ${tag} on “${article.title}”`);
    expect(item.guid).toBe(link);
    // The description is HTML in which the comment is text (a comment is never HTML): its "<b>" is
    // escaped for the HTML, and that again for the XML. The address is nowhere, the pending one absent.
    expect(xml).toContain(
      `&lt;p&gt;First paragraph &amp;lt;b&amp;gt;${tag}&amp;lt;/b&amp;gt;.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;`,
    );
    expect(xml).not.toContain(`<b>${tag}`);
    expect(xml).not.toContain(email);
    expect(xml).not.toContain(`Pending ${tag}`);
  }
  // The article's own feed holds its comments only.
  const own = await parseFeed(page, await (await request.get(`/articles/${article.slug}/feed.xml`)).text());
  expect(own.items.every((i) => i.link.startsWith(`${settings.siteUrl}/articles/${article.slug}#comment-`))).toBe(true);
  expect((await request.get('/articles/no-such-article/feed.xml')).status()).toBe(404);

  await page.goto(`/articles/${article.slug}`);
  const heads = await page
    .locator('head link[rel="alternate"][type="application/rss+xml"]')
    .evaluateAll((links) => links.map((l) => new URL(l.getAttribute('href') ?? '', location.href).pathname));
  expect(heads).toEqual([`/articles/${article.slug}/feed.xml`, '/feed.xml', '/feed/comments.xml']);
});
