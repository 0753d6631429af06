import { eq } from 'drizzle-orm';
import { articles } from '../db/schema';
import { invalidateTags } from '../test/support/site-db';
import { expect, test } from './support/fixtures';
import { getPublished, listPublished } from './support/site-content';
import { tagsForArticleChange } from '../lib/articles/cache-tags';

// Caching: an anonymous page is the same bytes for every reader and sets no cookie;
// pages come from Next's cache, not a render per request; changing an article and invalidating
// its tag shows the change.

test('two readers get the same bytes from the cache, and no cookie', async ({ playwright, browser, settings, siteDb }) => {
  const article = listPublished(siteDb)[2]!;
  for (const path of ['/', `/articles/${article.slug}`, `/section/${article.sectionSlug}`]) {
    // Retried: the comment specs approve comments meanwhile, and an approval rightly drops the
    // listings' cached comment counts between the two requests.
    await expect(async () => {
      const alice = await playwright.request.newContext({ baseURL: settings.siteUrl });
      const bob = await playwright.request.newContext({ baseURL: settings.siteUrl });
      try {
        const first = await alice.get(path);
        const second = await bob.get(path);

        expect(first.status(), path).toBe(200);
        expect(second.status(), path).toBe(200);
        expect(second.headers()['x-nextjs-cache'], path).toBe('HIT');
        expect((await second.body()).equals(await first.body()), `${path} differs between two readers`).toBe(true);
        for (const response of [first, second]) {
          expect(
            response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie'),
            path,
          ).toEqual([]);
        }
      } finally {
        await alice.dispose();
        await bob.dispose();
      }
    }).toPass({ timeout: 15_000, intervals: [500, 1_000] });
  }

  // A real browser, scripts and all, ends its visit with no cookie either.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: article.title }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
  expect(await context.cookies()).toEqual([]);
  await context.close();
});

test('repeat requests for a cached page are answered from a ready copy, gzipped once, with validators', async ({ request, siteDb }) => {
  const article = listPublished(siteDb)[1]!;
  const path = `/articles/${article.slug}`;
  let body = '';
  // Next answers the first request (and caches the page), then from its cache (a copy is made);
  // later requests get the copy. Next itself never compresses (compress: false in next.config.ts),
  // so a gzip answer can only come from a copy. Retried: comment specs may invalidate meanwhile.
  await expect(async () => {
    await request.get(path);
    await request.get(path);
    const copy = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(copy.status()).toBe(200);
    expect(copy.headers()['content-encoding']).toBe('gzip');
    expect(copy.headers()['x-nextjs-cache']).toBe('HIT');
    expect(copy.headers()['vary']).toContain('Accept-Encoding');
    body = await copy.text();
    expect(body).toContain(article.title);
  }).toPass({ timeout: 15_000, intervals: [500, 1_000] });

  const plain = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(Number(plain.headers()['content-length'])).toBe(Buffer.byteLength(await plain.text()));
  expect(await plain.text()).toBe(body);
  const etag = plain.headers()['etag']!;
  const notModified = await request.get(path, { headers: { 'Accept-Encoding': 'identity', 'If-None-Match': etag } });
  expect(notModified.status()).toBe(304);
});

test('a changed article shows once its tags are invalidated, and not before', async ({ page, request, siteDb }) => {
  // The oldest article: not the lead story or a page another spec reads headlines from.
  const article = listPublished(siteDb).at(-1)!;
  const path = `/articles/${article.slug}`;
  const sectionPath = `/section/${article.sectionSlug}`;
  const newTitle = `${article.title} (corrected ${Date.now()})`;
  // The tags a title change invalidates (lib/articles/cache-tags.ts): its page, the listings, its
  // section (its tags and authors too, which this test does not look at).
  const changed = tagsForArticleChange({ slugs: [article.slug], sections: [article.sectionSlug], tags: [], authors: [] });
  const setTitle = (title: string) => siteDb.update(articles).set({ title }).where(eq(articles.id, article.id)).run();
  const headline = page.getByRole('heading', { level: 1 });

  // Both pages are in the cache (retried for the same reason as above).
  for (const p of [path, sectionPath]) {
    await expect(async () => {
      await request.get(p);
      expect((await request.get(p)).headers()['x-nextjs-cache'], p).toBe('HIT');
    }).toPass({ timeout: 15_000, intervals: [500, 1_000] });
  }

  try {
    setTitle(newTitle);
    expect(getPublished(siteDb, article.slug).title).toBe(newTitle);

    // Served from the cache, so the change is not visible until the tags are invalidated.
    await page.goto(path);
    await expect(headline).toHaveText(article.title);

    invalidateTags(siteDb, changed);

    await expect(async () => {
      await page.goto(path);
      await expect(headline).toHaveText(newTitle, { timeout: 500 });
    }).toPass({ timeout: 10_000, intervals: [250, 500] });
    await expect(async () => {
      await page.goto(sectionPath);
      await expect(page.getByRole('main').getByRole('link', { name: newTitle })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 10_000, intervals: [250, 500] });
  } finally {
    setTitle(article.title);
    invalidateTags(siteDb, changed);
  }

  // Put back as it was, for any spec that runs after this one.
  await expect(async () => {
    await page.goto(path);
    await expect(headline).toHaveText(article.title, { timeout: 500 });
  }).toPass({ timeout: 10_000, intervals: [250, 500] });
});
