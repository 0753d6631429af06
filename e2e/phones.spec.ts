import type { Page, Request } from '@playwright/test';
import { openArticle } from './support/admin-data';
import { CommentForm, storedComment, SUCCESS_MESSAGE, uniqueEmail } from './support/comments';
import { expect, test } from './support/fixtures';
import { PHONE } from './support/layout';
import { listPublished, listSections } from './support/site-content';

// What a reader on a phone's connection pays for a first visit: every text answer compressed,
// the stylesheet in the page, no script before the reader touches the page, and no download of
// pages they have not asked for.

/** The build's scripts a page fetches (lib/http/hydrate-on-intent.mjs decides when). */
function watchScripts(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => {
    if (request.resourceType() === 'script' && new URL(request.url()).pathname.startsWith('/_next/static/')) seen.push(request.url());
  });
  return seen;
}

/** Requests for another page's data (Next's navigation prefetch asks with an RSC header). */
function watchPageData(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => {
    const headers = request.headers();
    if (headers.rsc !== undefined || headers['next-router-prefetch'] !== undefined || request.url().includes('_rsc=')) {
      seen.push(new URL(request.url()).pathname);
    }
  });
  return seen;
}

test('a first visit to an article downloads the article, not the pages it links to; a link is fetched ahead only once the reader points at it', async ({
  page,
  siteDb,
}) => {
  const article = listPublished(siteDb)[0]!;
  const section = listSections(siteDb)[1]!;
  const fetched = watchPageData(page);
  await page.goto(`/articles/${article.slug}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  expect(fetched).toEqual([]);

  const link = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section.name, exact: true });
  await link.hover();
  await expect.poll(() => fetched).toContain(`/section/${section.slug}`);
  await link.click();
  await expect(page).toHaveURL(`/section/${section.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.name);
});

test('a reader saving data (Save-Data) gets no prefetching at all, and the links still work', async ({ page, siteDb }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '4g' }) });
  });
  const article = listPublished(siteDb)[0]!;
  const section = listSections(siteDb)[1]!;
  const fetched = watchPageData(page);
  const scripts = watchScripts(page);
  await page.goto(`/articles/${article.slug}`, { waitUntil: 'networkidle' });
  // Saving data, even a desktop's scripts wait for the reader.
  expect(scripts).toEqual([]);
  const link = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section.name, exact: true });
  await link.hover();
  await expect.poll(() => scripts.length, { message: 'pointing loads the scripts' }).toBeGreaterThan(0);
  await link.focus();
  await page.waitForTimeout(1_000);
  expect(fetched).toEqual([]);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.name);
});

test('every text answer is compressed, brotli for a browser that takes it, gzip for one that takes only that', async ({
  request,
  siteDb,
}) => {
  const article = listPublished(siteDb)[0]!;
  const articlePath = `/articles/${article.slug}`;
  // Twice: the second answer comes from the page's cached copy.
  for (let i = 0; i < 2; i++) await request.get(articlePath);
  const html = await (await request.get(articlePath)).text();
  const script = /<script data-ledger-src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script, 'the page loads a script from the build').toBeTruthy();

  const paths = [articlePath, '/', script!, '/feed.xml', '/search?q=council', '/sitemap.xml', '/newsletter'];
  for (const path of paths) {
    const br = await request.get(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.status(), path).toBe(200);
    // The page from its cached copy may take a moment to have its brotli coding made.
    if (br.headers()['content-encoding'] !== 'br') {
      await expect
        .poll(
          async () => (await request.get(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })).headers()['content-encoding'],
          {
            message: path,
          },
        )
        .toBe('br');
    }
    expect(br.headers().vary, path).toMatch(/Accept-Encoding/i);
    const gzip = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers()['content-encoding'], path).toBe('gzip');
    // The same text either way (the client decodes it).
    if (path === script) expect(await gzip.text()).toBe(await br.text());
  }
  const scriptAnswer = await request.get(script!, { headers: { 'Accept-Encoding': 'br' } });
  expect(scriptAnswer.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('the stylesheet comes in the page: nothing to fetch before the headline can be painted', async ({ page, siteDb }) => {
  const article = listPublished(siteDb)[0]!;
  const styles: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'stylesheet') styles.push(r.url());
  });
  await page.goto(`/articles/${article.slug}`);
  expect(styles).toEqual([]);
  expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
  expect(await page.locator('head style').count()).toBeGreaterThan(0);
  // The inline rules are applied: the skip link is out of sight until focused.
  expect(await page.locator('.skip-link').evaluate((a) => getComputedStyle(a).position)).toBe('absolute');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
});

test('on a phone an article loads no script until the reader touches it; then the comment form works with JavaScript and keeps what was typed first', async ({
  browser,
  siteDb,
  clientIp,
}) => {
  const article = openArticle(siteDb, 5);
  const context = await browser.newContext({ ...PHONE, extraHTTPHeaders: { 'X-Forwarded-For': clientIp } });
  const page = await context.newPage();
  const scripts = watchScripts(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`/articles/${article.slug}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  expect(scripts, 'no script before the reader touches the page').toEqual([]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
  expect(await page.locator('script[data-ledger-src]').count()).toBeGreaterThan(0);

  // The reader taps the comment box and types at once, before the scripts have run.
  const body = `Typed before the page's scripts arrived. ${Date.now()}`;
  const hydrated = page.waitForResponse((r) => r.url().includes('/api/comments/stamp') && r.ok());
  const form = new CommentForm(page);
  await form.body.tap();
  await page.keyboard.type(body);
  // The form asks for a fresh stamp once React runs it.
  await hydrated;
  expect(scripts.length).toBeGreaterThan(0);
  await expect(page.locator('script[data-ledger-src]')).toHaveCount(0);
  // Each script once: React recognises the ones the loader put in and adds none of its own.
  const sources = await page.evaluate(() => Array.from(document.scripts, (s) => s.src).filter((src) => src.includes('/_next/static/')));
  expect(sources.length).toBe(new Set(sources).size);
  await expect(form.body).toHaveValue(body);

  const email = uniqueEmail('phone-reader');
  await form.name.fill('Phone Reader');
  await form.email.fill(email);
  await form.post();
  await expect(form.status).toHaveText(SUCCESS_MESSAGE);
  expect(new URL(page.url()).pathname, 'posted in place').toBe(`/articles/${article.slug}`);
  expect((await storedComment(siteDb, email)).body).toBe(body);
  expect(errors).toEqual([]);
  await context.close();
});

test('a desktop reader with a mouse gets the scripts at once, and the dashboard always does', async ({ page, request, siteDb }) => {
  const scripts = watchScripts(page);
  await page.goto(`/articles/${listPublished(siteDb)[0]!.slug}`);
  expect(scripts.length).toBeGreaterThan(0);
  await expect(page.locator('script[data-ledger-src]')).toHaveCount(0);

  const signIn = await (await request.get('/admin/sign-in')).text();
  expect(signIn).toMatch(/<script src="\/_next\/static\/[^"]+\.js" async="">/);
  expect(signIn).not.toContain('data-ledger-src');
});

test('on a phone, what the reader types in the header search box before the scripts run stays there, and so does the keyboard', async ({
  browser,
  siteDb,
}) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`/articles/${listPublished(siteDb)[1]!.slug}`, { waitUntil: 'networkidle' });
  const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox');
  await box.tap();
  await page.keyboard.type('council');
  // Hydrated once React has claimed the box (a box React made anew would be empty).
  await expect.poll(() => box.evaluate((input) => Object.keys(input).some((key) => key.startsWith('__react')))).toBe(true);
  await expect(box).toHaveValue('council');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=council$/);
  await expect(box).toHaveValue('council');
  await context.close();
});

test('every way a reader page is answered carries the placeholders: first render, Next’s cache and the page copy, with 304s', async ({
  request,
  siteDb,
}) => {
  const articlePath = `/articles/${listPublished(siteDb)[2]!.slug}`;
  for (let i = 1; i <= 4; i++) {
    const html = await (await request.get(articlePath)).text();
    expect(html, `answer ${i}`).toContain('<script data-ledger-src="/_next/static/');
    expect(html, `answer ${i}`).not.toMatch(/<script src="\/_next\/static\/[^"]+\.js" async="">/);
  }
  // A page copy answers gzip until its brotli coding is made, each coding with its own validator,
  // and other journeys may change the page meanwhile: one answer's validator is asked about at
  // once, until both requests meet the same version.
  await expect(async () => {
    const etag = (await request.get(articlePath)).headers().etag ?? '';
    expect(etag).not.toBe('');
    expect((await request.get(articlePath, { headers: { 'If-None-Match': etag } })).status()).toBe(304);
  }).toPass({ timeout: 15_000 });
});
