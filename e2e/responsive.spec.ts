import fs from 'node:fs';
import path from 'node:path';
import type { SiteDb } from '../test/support/site-db';
import { expect, test } from './support/fixtures';
import { SCREENSHOTS_DIR } from './support/env';
import { horizontalOverflow } from './support/layout';
import { listPublished } from './support/site-content';

// A readable design from 320 px to desktop. Screenshots go to e2e/.tmp/screenshots/
// (git-ignored) for a person to look at.

const PAGES: { name: string; path: (db: SiteDb) => string }[] = [
  { name: 'front', path: () => '/' },
  { name: 'article', path: (db) => `/articles/${listPublished(db)[0]!.slug}` },
];

test.beforeAll(() => {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});

for (const width of [320, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const { name, path: pathOf } of PAGES) {
      test(`the ${name} page fits the width without sideways scrolling`, async ({ page, siteDb }) => {
        await page.goto(pathOf(siteDb));
        await expect(page.getByRole('heading', { level: 1 })).toBeAttached();
        const overflow = await horizontalOverflow(page);
        expect(overflow.scrollWidth, `wider than the viewport: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(overflow.clientWidth);
        await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}-${width}.png`), fullPage: true });
      });
    }
  });
}
