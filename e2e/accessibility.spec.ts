import { axeViolations } from '../test/support/axe';
import type { SiteDb } from '../test/support/site-db';
import { expect, test } from './support/fixtures';
import { insertComment, openArticle, uniqueTag } from './support/admin-data';
import { seedConfirmedSubscribers } from './support/newsletter-send';
import { listPublished, tagsOf } from './support/site-content';

// axe finds no WCAG 2.2 AA violation on any page a reader can reach, in both colour schemes
// (dark mode has its own palette). An article with an approved comment is used, so the thread,
// its Reply and Report links and the form are checked too.

/** A live article with comments open and an approved comment on it (made here if none has one). */
function articleWithComment(db: SiteDb): { slug: string; commentId: number } {
  const found = db.$client
    .prepare<[], { slug: string; commentId: number }>(
      `SELECT a.slug, c.id AS commentId FROM comments c JOIN articles a ON a.id = c.article_id
       WHERE c.status = 'approved' AND a.status = 'published' AND a.comments_open = 1 ORDER BY c.id LIMIT 1`,
    )
    .get();
  if (found) return found;
  const article = openArticle(db, 9);
  const commentId = insertComment(db, {
    articleId: article.id,
    authorName: 'Axe Reader',
    authorEmail: 'axe-reader@example.com',
    body: 'A comment for the accessibility check.',
    status: 'approved',
  });
  return { slug: article.slug, commentId };
}

const PAGES: { name: string; path: (db: SiteDb) => string; status?: number }[] = [
  { name: 'front page', path: () => '/' },
  { name: 'front page 2', path: () => '/page/2' },
  { name: 'article', path: (db) => `/articles/${articleWithComment(db).slug}` },
  { name: 'reply page', path: (db) => `/articles/${articleWithComment(db).slug}/reply/${articleWithComment(db).commentId}` },
  { name: 'report page', path: (db) => `/articles/${articleWithComment(db).slug}/report/${articleWithComment(db).commentId}` },
  { name: 'comment received page', path: (db) => `/articles/${articleWithComment(db).slug}/comment-received` },
  { name: 'section archive', path: (db) => `/section/${listPublished(db)[0]!.sectionSlug}` },
  { name: 'tag archive', path: (db) => `/tag/${tagsOf(db, listPublished(db)[0]!.id)[0]!.slug}` },
  { name: 'author page', path: (db) => `/author/${listPublished(db)[0]!.authorSlug}` },
  { name: 'search results', path: () => '/search?q=mainframe' },
  { name: 'search without results', path: () => '/search?q=zzzzqqqq' },
  { name: 'newsletter page', path: () => '/newsletter' },
  { name: 'newsletter archive', path: () => '/newsletter/archive' },
  { name: 'subscription confirmed', path: () => '/newsletter/confirm?result=confirmed' },
  { name: 'invalid confirmation link', path: () => '/newsletter/confirm?token=nope' },
  { name: 'unsubscribe page', path: () => '/newsletter/unsubscribe?token=nope' },
  { name: 'confirm your email to comment', path: () => '/comments/prove' },
  { name: 'invalid commenter confirmation link', path: () => '/comments/confirm?token=nope' },
  { name: 'stop reply emails', path: () => '/comments/unsubscribe?what=thread&t=x.y' },
  { name: 'forget this browser', path: () => '/comments/forget?t=x.y' },
  { name: 'my data', path: () => '/my-data' },
  { name: 'used my-data link', path: () => '/my-data/open?state=used' },
  { name: 'my data without a session', path: () => '/my-data/view' },
  { name: 'data erased', path: () => '/my-data/erased?comments=2&subscription=1&emails=3' },
  {
    name: 'subscription page',
    path: (db) => `/newsletter/manage?token=${seedConfirmedSubscribers(db, uniqueTag('axe-manage'), 1)[0]!.token}`,
  },
  { name: 'invalid subscription link', path: () => '/newsletter/manage?token=nope' },
  { name: 'invalid new-address link', path: () => '/newsletter/confirm-address?token=nope' },
  { name: 'share on Mastodon', path: () => '/share/mastodon?text=A%20story%20https%3A%2F%2Fexample.org' },
  ...['about', 'contact', 'corrections', 'privacy', 'comment-policy'].map((slug) => ({ name: `${slug} page`, path: () => `/${slug}` })),
  { name: '404 page', path: () => '/no-such-page-anywhere', status: 404 },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('every reader page has no WCAG 2.2 AA axe violation', async ({ page, siteDb }) => {
      test.setTimeout(180_000);
      for (const { name, path, status = 200 } of PAGES) {
        const url = path(siteDb);
        const response = await page.goto(url);
        expect(response?.status(), `${name}: ${url}`).toBe(status);
        expect(await axeViolations(page), `${name}: ${url}`).toEqual([]);
      }
    });
  });
}

test('the skip link is the first stop for a keyboard user and moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.getByRole('main')).toBeFocused();
});
