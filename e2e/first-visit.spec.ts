import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { horizontalOverflow, PHONE } from './support/layout';
import { listPublished, listSections } from './support/site-content';

// What a new reader notices on a first visit: every page names
// the feeds, an unknown address gets the site's own page, the section being read is marked, the
// section links are one row on a phone and big enough to tap, and the footer sits at the bottom.

const feedLinks = (page: Page) =>
  page
    .locator('head link[rel="alternate"][type="application/rss+xml"]')
    .evaluateAll((links) => links.map((l) => new URL(l.getAttribute('href') ?? '', location.href).pathname));

test('every kind of page names the site feed; a section page names its own too', async ({ page, siteDb }) => {
  const article = listPublished(siteDb)[0]!;
  const section = listSections(siteDb)[0]!;
  for (const path of ['/', `/articles/${article.slug}`, '/search?q=council', '/newsletter/archive', '/page/2']) {
    await page.goto(path);
    expect(await feedLinks(page), path).toContain('/feed.xml');
  }
  await page.goto(`/section/${section.slug}`);
  expect(await feedLinks(page)).toEqual([`/section/${section.slug}/feed.xml`, '/feed.xml', '/feed/comments.xml']);
});

test('an unknown address gets a 404 with the site header, search, sections and footer', async ({ page }) => {
  const response = await page.goto('/no-such-page-anywhere');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(/Page not found/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('search', { name: 'Site search' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).not.toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toBeVisible();
});

test('the section being read is marked in the navigation', async ({ page, siteDb }) => {
  const [first, second] = listSections(siteDb);
  await page.goto(`/section/${first!.slug}`);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: first!.name, exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  await page.goto(`/section/${second!.slug}`);
  await expect(nav.getByRole('link', { name: second!.name, exact: true })).toHaveAttribute('aria-current', 'page');
  await page.goto('/');
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use(PHONE);

  test('the sections are one row, each link at least 24 px tall, and the page does not scroll sideways', async ({ page }) => {
    await page.goto('/');
    const links = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
    const boxes = await links.evaluateAll((all) =>
      all.map((a) => a.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), height: r.height })),
    );
    expect(new Set(boxes.map((b) => b.top)).size, 'one row').toBe(1);
    for (const box of boxes) expect(box.height).toBeGreaterThanOrEqual(24);
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, `wider than the screen: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(overflow.clientWidth);
  });

  test('the front page is a few screens, not a long list of pictures', async ({ page }) => {
    await page.goto('/');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(5000);
    // One picture in full (the lead); the next stories' pictures are thumbnails beside their headlines.
    await expect(page.locator('.card--lead img')).toBeVisible();
    for (const box of await page.locator('.secondary-grid img').evaluateAll((imgs) => imgs.map((i) => i.getBoundingClientRect().width))) {
      expect(box).toBeLessThanOrEqual(120);
    }
    // The section blocks are headlines only (a hidden lazy picture is never fetched).
    await expect(page.locator('.section-blocks .block-title').first()).toBeVisible();
    await expect(page.locator('.section-blocks img:visible')).toHaveCount(0);
  });
});

test('the footer sits at the bottom of a short page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto('/no-such-page-anywhere');
  const footer = await page.getByRole('contentinfo').boundingBox();
  expect(footer).not.toBeNull();
  expect(Math.round(footer!.y + footer!.height)).toBe(1400);
});

test('search: the header box holds the query, and no results suggest sections and the latest stories', async ({ page, siteDb }) => {
  await page.goto('/search?q=council');
  await expect(page.getByRole('search', { name: 'Site search' }).getByRole('searchbox')).toHaveValue('council');
  await page.goto('/search?q=zzqxnothingmatches');
  await expect(page.getByText('No articles match “zzqxnothingmatches”')).toBeVisible();
  const sections = page.getByRole('region', { name: 'Browse a section' });
  await expect(sections.getByRole('link', { name: listSections(siteDb)[0]!.name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Latest stories' }).getByRole('link')).toHaveCount(5);
  await page.goto('/');
  await expect(page.getByRole('search', { name: 'Site search' }).getByRole('searchbox')).toHaveValue('');
});

test('a section list keeps a readable measure on a wide screen', async ({ page, siteDb }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(`/section/${listSections(siteDb)[0]!.slug}`);
  const list = await page.locator('.archive-list').boundingBox();
  expect(list!.width).toBeLessThanOrEqual(46 * 16);
});

test('an article can be shared by plain links, with no request to another site', async ({ page, siteDb, settings }) => {
  const article = listPublished(siteDb)[1]!;
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto(`/articles/${article.slug}`);
  await page.waitForLoadState('networkidle');
  expect([...origins]).toEqual([new URL(settings.siteUrl).origin]);

  const share = page.getByRole('region', { name: 'Share this article' });
  const articleUrl = `${settings.siteUrl}/articles/${article.slug}`;
  const href = async (name: string) => (await share.getByRole('link', { name, exact: true }).getAttribute('href'))!;
  expect(new URL(await href('LinkedIn')).searchParams.get('url')).toBe(articleUrl);
  expect(new URL(await href('X')).searchParams.get('url')).toBe(articleUrl);
  expect(new URL(await href('Bluesky')).searchParams.get('text')).toContain(articleUrl);
  expect(await href('Email')).toMatch(/^mailto:\?subject=/);
  await expect(share.getByRole('button', { name: 'Copy link' })).toBeVisible();

  await share.getByRole('link', { name: 'Mastodon', exact: true }).click();
  await page.getByLabel('Your Mastodon server').fill('not a server');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Type the name of your server')).toBeVisible();
  await page.getByLabel('Your Mastodon server').fill('https://Mastodon.Social/');
  await page.getByRole('button', { name: 'Next' }).click();
  const onMastodon = new URL((await page.getByRole('link', { name: 'Share on mastodon.social' }).getAttribute('href'))!);
  expect(onMastodon.origin + onMastodon.pathname).toBe('https://mastodon.social/share');
  expect(onMastodon.searchParams.get('text')).toContain(articleUrl);
});

test('the newsletter has a page of its own: what it is, how often, recent issues and the sign-up box', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Newsletter', exact: true }).click();
  await expect(page).toHaveURL('/newsletter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The week in public-sector technology');
  await expect(page.getByText('every Friday', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Every issue we have sent' })).toHaveAttribute('href', '/newsletter/archive');
  await expect(page.getByRole('main').getByRole('textbox', { name: 'Email address' })).toBeVisible();
  // The footer does not ask a second time.
  await expect(page.getByRole('contentinfo').getByRole('textbox', { name: 'Email address' })).toHaveCount(0);
});

test('the dashboard bar marks the current page and stays dark in both schemes', async ({ adminPage: page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/admin/articles');
    const nav = page.getByRole('navigation', { name: 'Dashboard' });
    await expect(nav.getByRole('link', { name: 'Articles' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.admin-bar'), scheme).toHaveCSS('background-color', 'rgb(27, 27, 27)');
  }
  // One row at 1280 px: the site's name, every link and Sign out share a line.
  await page.setViewportSize({ width: 1280, height: 800 });
  const tops = await page
    .locator('.admin-bar__name, .admin-bar nav a, .admin-bar__user button')
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)));
  expect(Math.max(...tops) - Math.min(...tops), 'the bar wrapped').toBeLessThanOrEqual(4);
  // The blocklist is reached from Comments, which stays marked there.
  await page.goto('/admin/blocklist');
  await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Comments' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('the front page shows each story once', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page
    .getByRole('main')
    .locator('a[href^="/articles/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!).filter((h) => /^\/articles\/[a-z0-9-]+$/.test(h)));
  expect(hrefs.length).toBeGreaterThan(10);
  expect(
    hrefs.filter((h, i) => hrefs.indexOf(h) !== i),
    'headlines shown twice',
  ).toEqual([]);
});
