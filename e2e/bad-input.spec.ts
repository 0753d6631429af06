import { eq } from 'drizzle-orm';
import { articles } from '../db/schema';
import { expect, test } from './support/fixtures';
import { expectNoInternals } from './support/responses';
import { DRAFT_SLUG, listPublished } from './support/site-content';

// Bad input: a sensible page or a 404, never a 500, never an SQL error in the response.

const search = (q: string) => `/search?${new URLSearchParams({ q })}`;

const NOT_FOUND_PAGES = [
  '/articles/no-such-article',
  `/articles/${DRAFT_SLUG}`,
  '/articles/Mainframe',
  '/page/0',
  '/page/-1',
  '/page/abc',
  '/page/1e3',
  '/page/01',
  '/page/99999',
  '/section/data/page/0',
  '/section/data/page/-1',
  '/section/data/page/99999',
  '/section/no-such-section',
  '/tag/no-such-tag',
  '/author/no-such-author',
  '/author/maya-okafor/page/abc',
  '/articles/%00',
  '/articles/foo%00bar',
  '/section/%00',
  '/tag/%00',
  '/articles/..%2F..%2Fetc%2Fpasswd',
  '/articles/..%2f..%2fdata%2fsite.db',
  '/section/data%2F..%2F..%2Fpage',
  `${search('mainframe')}&page=99999`,
];

const FRONT_PAGE_WITH_QUERY = ['/?page=0', '/?page=-1', '/?page=abc', '/?page=99999', '/?page=%00'];

const SEARCHES = [
  'a'.repeat(10_000),
  'mainframe '.repeat(1_000),
  '"',
  '"mainframe',
  'mainframe"',
  '""',
  '*',
  'main*',
  'AND',
  'mainframe AND',
  'OR NOT',
  'NEAR(',
  'NEAR(mainframe retirement, 5)',
  'title:mainframe',
  '{title body}: cloud',
  '^mainframe',
  "'; DROP TABLE articles; --",
  '\u0000',
  '🔥🚀',
];

test('unknown, unpublished and malformed addresses answer 404 with the site’s not-found page', async ({ request }) => {
  for (const path of NOT_FOUND_PAGES) {
    const response = await request.get(path);
    const body = await response.text();
    expect(response.status(), path).toBe(404);
    expect(body, path).toContain('Page not found');
    expectNoInternals(body, path);
  }
});

test('a malformed percent-escape in the path is a 404, not a 500', async ({ request }) => {
  for (const path of ['/articles/%', '/articles/%E0%A4%A', '/section/%ZZ', '/tag/100%', '/author/%C0', '/page/%']) {
    const response = await request.get(path);
    const body = await response.text();
    expect(response.status(), path).toBe(404);
    expect(body, path).toContain('Page not found');
    expectNoInternals(body, path);
  }
});

test('path traversal never escapes the routes', async ({ request }) => {
  // The client normalises `..` before sending, as browsers do; the server must still answer sanely.
  for (const path of ['/articles/../../etc/passwd', '/section/../../../db/seed.ts', '/articles/./../data/site.db']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expectNoInternals(await response.text(), path);
  }
});

test('the draft’s page is a real 404 that does not show the draft', async ({ page, siteDb }) => {
  const draft = siteDb.select({ title: articles.title, status: articles.status }).from(articles).where(eq(articles.slug, DRAFT_SLUG)).get();
  expect(draft, 'the seed has the draft').toMatchObject({ status: 'draft', title: expect.stringMatching(/\S/) });
  const response = await page.goto(`/articles/${DRAFT_SLUG}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByText(draft!.title)).toHaveCount(0);
  expect(await response!.text()).not.toContain(draft!.title);
});

test('a page number in the query string leaves the front page as it is', async ({ request, siteDb }) => {
  const lead = listPublished(siteDb)[0]!;
  for (const path of FRONT_PAGE_WITH_QUERY) {
    const response = await request.get(path);
    const body = await response.text();
    expect(response.status(), path).toBe(200);
    expect(body, path).toContain(`href="/articles/${lead.slug}"`);
    expectNoInternals(body, path);
  }
});

test('hostile searches get a search page, with results or a polite “no match”', async ({ request }) => {
  for (const q of SEARCHES) {
    const path = search(q);
    const response = await request.get(path);
    const body = await response.text();
    expect(response.status(), q.slice(0, 40)).toBe(200);
    expect(body, q.slice(0, 40)).toMatch(/\d+ results? for “|No articles match “|Search every article/);
    expectNoInternals(body, q.slice(0, 40));
  }
  for (const extra of ['&page=0', '&page=-1', '&page=abc', '&q=second']) {
    const response = await request.get(`${search('mainframe')}${extra}`);
    expect(response.status(), extra).toBe(200);
    expectNoInternals(await response.text(), extra);
  }
});

test('a reader typing FTS syntax into the search box sees results, not an error', async ({ page }) => {
  await page.goto('/search');
  const searchbox = page.getByRole('main').getByRole('searchbox', { name: 'Search terms' });
  await searchbox.fill('"mainframe NEAR( retirement*');
  await searchbox.press('Enter');
  await expect(page.getByRole('main').getByText(/^\d+ results? for “"mainframe NEAR\( retirement\*”$/)).toBeVisible();
  await expect(page.getByRole('main').getByRole('listitem').first().getByRole('heading')).toContainText(/mainframe/i);
});

test('feeds answer 404 for an unknown section, not an error', async ({ request }) => {
  for (const path of ['/section/no-such-section/feed.xml', '/section/%00/feed.xml', '/section/..%2F..%2Fetc/feed.xml']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expectNoInternals(await response.text(), path);
  }
});
