import { seriousAxeViolations } from '../test/support/axe';
import type { SiteDb } from '../test/support/site-db';
import { expect, test } from './support/fixtures';
import { listPublished } from './support/site-content';

// axe finds no serious or critical violation on the front, article, archive and search
// pages. Checked in both colour schemes, since dark mode has its own palette.

const PAGES: { name: string; path: (db: SiteDb) => string }[] = [
  { name: 'front page', path: () => '/' },
  { name: 'article', path: (db) => `/articles/${listPublished(db)[0]!.slug}` },
  { name: 'section archive', path: (db) => `/section/${listPublished(db)[0]!.sectionSlug}` },
  { name: 'search results', path: () => '/search?q=mainframe' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });

    for (const { name, path } of PAGES) {
      test(`the ${name} has no serious or critical axe violations`, async ({ page, siteDb }) => {
        const response = await page.goto(path(siteDb));
        expect(response?.status()).toBe(200);
        expect(await seriousAxeViolations(page)).toEqual([]);
      });
    }
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
