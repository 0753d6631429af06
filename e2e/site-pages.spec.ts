import { expect, test } from './support/fixtures';

// The pages a reader checks before trusting the site (About, Contact, Corrections, Privacy,
// Comment policy), written by editors in the dashboard; and authors' own pages.

const TRUST_PAGES = [
  { link: 'About us', path: '/about', heading: /^About / },
  { link: 'Contact', path: '/contact', heading: /./ },
  { link: 'Corrections', path: '/corrections', heading: /./ },
  { link: 'Privacy', path: '/privacy', heading: /./ },
  { link: 'Comment policy', path: '/comment-policy', heading: /./ },
];

test('every trust page is linked from the footer and has its first version', async ({ page }) => {
  for (const { link, path, heading } of TRUST_PAGES) {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: link, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    // Written for readers: more than a heading.
    expect((await page.locator('.prose').innerText()).length, path).toBeGreaterThan(200);
  }
  await page.goto('/privacy');
  await expect(page.locator('.prose')).toContainText('Your email address is never published');
});

test('the privacy page is linked under the comment form and the newsletter box', async ({ page, siteDb }) => {
  const open = siteDb.$client
    .prepare<[], { slug: string }>(`SELECT slug FROM articles WHERE status = 'published' AND comments_open = 1 LIMIT 1`)
    .get()!;
  await page.goto(`/articles/${open.slug}`);
  await expect(page.locator('form.comment-form').getByRole('link', { name: 'How we use your data' })).toHaveAttribute('href', '/privacy');
  await expect(page.locator('form.comment-form').getByRole('link', { name: 'Comment policy' })).toHaveAttribute('href', '/comment-policy');
  const newsletter = page.locator('.newsletter').first();
  await expect(newsletter.getByRole('link', { name: 'How we use your data' })).toHaveAttribute('href', '/privacy');
});

test('an editor rewrites a page and readers see it at once; a stale save is refused and keeps both texts', async ({
  editorPage: page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  await page.goto('/admin/pages');
  await page.getByRole('link', { name: 'Corrections', exact: true }).click();
  await expect(page).toHaveURL('/admin/pages/corrections');
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  const text = page.getByRole('textbox', { name: 'Text', exact: true });

  // Bad input says what to fix and keeps the rest.
  await title.fill('How we correct our mistakes');
  await text.fill('');
  await page.getByRole('button', { name: 'Save and publish' }).click();
  await expect(text).toHaveAccessibleDescription(/Write the page\. An empty page would tell readers nothing\./);
  await expect(title).toHaveValue('How we correct our mistakes');

  await text.fill(`We correct errors within a day (${stamp}).\n\n## Recent corrections\n\n- None this month.`);
  await page.getByRole('button', { name: 'Save and publish' }).click();
  await expect(page.getByText('Saved. Readers see the new version at /corrections now.')).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto('/corrections');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('How we correct our mistakes');
  await expect(reader.getByRole('heading', { level: 2, name: 'Recent corrections' })).toBeVisible();
  await expect(reader.locator('.prose')).toContainText(stamp);
  await expect(reader).toHaveTitle(/^How we correct our mistakes/);

  // A second tab still on the old version: its save is refused, says by whom, and shows theirs.
  const stale = await page.context().newPage();
  await stale.goto('/admin/pages/corrections');
  await text.fill(`Second text (${stamp}).`);
  await page.getByRole('button', { name: 'Save and publish' }).click();
  await expect(page.getByText('Saved. Readers see the new version at /corrections now.')).toBeVisible();
  await stale.getByRole('textbox', { name: 'Text', exact: true }).fill('Stale text.');
  await stale.getByRole('button', { name: 'Save and publish' }).click();
  await expect(stale.locator('form').getByRole('alert')).toContainText(/^Not saved: .+ changed this page at .+, after you opened it\./);
  await expect(stale.getByRole('textbox', { name: 'Text', exact: true })).toHaveValue('Stale text.');
  await expect(stale.locator('.conflict')).toContainText(`Second text (${stamp}).`);
  await reader.goto('/corrections');
  await expect(reader.locator('.prose')).toContainText(`Second text (${stamp}).`);
  await reader.close();
  await stale.close();
});

test('an author page shows the photo and bio, and does not repeat the author’s name on every story', async ({
  editorPage: page,
  browser,
  siteDb,
}) => {
  const author = siteDb.$client
    .prepare<[], { id: number; slug: string; name: string }>(
      `SELECT a.id, a.slug, a.name FROM authors a WHERE EXISTS (SELECT 1 FROM article_authors aa JOIN articles ar ON ar.id = aa.article_id
         WHERE aa.author_id = a.id AND ar.status = 'published') ORDER BY a.id DESC LIMIT 1`,
    )
    .get()!;
  await page.goto('/admin/authors');
  await page.getByRole('link', { name: author.name, exact: true }).click();
  await expect(page).toHaveURL(`/admin/authors/${author.id}`);
  const bio = `Covers council budgets and procurement (${Date.now().toString(36)}).`;
  await page.getByRole('textbox', { name: 'Short bio' }).fill(bio);
  await page.getByRole('button', { name: 'Choose picture' }).click();
  const dialog = page.getByRole('dialog', { name: 'Media library' });
  await dialog
    .getByRole('listitem')
    .first()
    .getByRole('button', { name: /^Choose\b/ })
    .click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved. The author page shows it now.')).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(`/author/${author.slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(author.name);
  await expect(reader.locator('.page-header')).toContainText(bio);
  const photo = reader.locator('.page-header img.author-photo');
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const bylines = await reader.locator('.archive-list .byline').allInnerTexts();
  expect(bylines.length).toBeGreaterThan(0);
  for (const line of bylines) expect(line).not.toContain(`By ${author.name}`);
  await reader.close();
});
