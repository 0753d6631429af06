import { axeViolations } from '../test/support/axe';
import { insertComment, insertFailedEmail, insertSubscriber, openArticle, uniqueTag } from './support/admin-data';
import { expect, test } from './support/fixtures';

// The dashboard, like the reading site: axe finds no WCAG 2.2 AA violation, in both
// colour schemes. Each page has rows in its tables (a comment, a subscriber, a failed email).

const CONSOLE_PAGES = [
  '/admin',
  '/admin/articles',
  '/admin/articles?tab=published',
  '/admin/articles/new',
  '/admin/media',
  '/admin/authors',
  '/admin/pages',
  '/admin/pages/privacy',
  '/admin/comments',
  '/admin/comments?status=approved',
  '/admin/comments/history',
  '/admin/blocklist',
  '/admin/log',
  '/admin/subscribers',
  '/admin/newsletters',
  '/admin/outbox',
  '/admin/outbox?recipient=example',
  '/admin/staff',
  '/admin/privacy',
  '/admin/privacy?email=callum.reid%40example.com',
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    test('the sign-in and forbidden pages have no WCAG 2.2 AA axe violation', async ({ page }) => {
      for (const path of ['/admin/sign-in', '/admin/sign-in?error=Verification', '/admin/forbidden']) {
        await page.goto(path);
        expect(await axeViolations(page), path).toEqual([]);
      }
    });

    test('every dashboard page has no WCAG 2.2 AA axe violation', async ({ adminPage: page, siteDb }) => {
      test.setTimeout(240_000);
      const tag = uniqueTag(`a11y-${colorScheme}`);
      const email = `${tag}@example.com`;
      insertComment(siteDb, {
        articleId: openArticle(siteDb, 9).id,
        authorName: 'Axe Reader',
        authorEmail: email,
        body: `Checked by axe ${tag}`,
      });
      insertSubscriber(siteDb, { email: `sub-${tag}@example.com`, status: 'pending' });
      insertFailedEmail(siteDb, `mail-${tag}@example.com`);
      const article = openArticle(siteDb, 9);
      const author = siteDb.$client.prepare<[], { id: number }>('SELECT id FROM authors ORDER BY id LIMIT 1').get()!;
      const editors = [`/admin/articles/${article.id}`, `/admin/articles/${article.id}/revisions`, `/admin/authors/${author.id}`];
      for (const path of [...CONSOLE_PAGES, ...editors]) {
        const url = path.endsWith('/history') ? `${path}?email=${encodeURIComponent(email)}` : path;
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(200);
        expect(await axeViolations(page), url).toEqual([]);
      }
    });
  });
}

test('the moderation keys are listed on screen, and j/k show which comment is active', async ({ staffPage: page, siteDb }) => {
  insertComment(siteDb, {
    articleId: openArticle(siteDb, 9).id,
    authorName: 'Key Reader',
    authorEmail: `${uniqueTag('keys-help')}@example.com`,
    body: 'Help me',
  });
  await page.goto('/admin/comments');
  const help = page.getByRole('complementary', { name: 'Keyboard shortcuts' });
  for (const text of ['j', 'k', 'a', 's', 'd', 'u']) await expect(help.locator('kbd', { hasText: new RegExp(`^${text}$`) })).toBeVisible();
  await page.keyboard.press('j');
  const active = page.locator('tr[data-active="true"]');
  await expect(active).toHaveCount(1);
  await expect(active).toBeFocused();
  // The active row is outlined, not only focused.
  expect(await active.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
});
