import { readingMinutes } from '../lib/articles/markdown';
import { expect, test } from './support/fixtures';
import { DRAFT_SLUG, listPublished, tagsOf } from './support/site-content';

const PAGE_SIZE = 12;

test('a reader goes from the front page to an article, its section, author and tag, then searches', async ({ page, siteDb }) => {
  const [lead] = listPublished(siteDb);
  if (!lead) throw new Error('The site has no published article');
  const tags = tagsOf(siteDb, lead.id);
  const main = page.getByRole('main');

  await test.step('front page leads with the newest article', async () => {
    await page.goto('/');
    const leadCard = main.getByRole('article').first();
    await expect(leadCard.getByRole('heading')).toHaveText(lead.title);
    await leadCard.getByRole('link', { name: lead.title }).click();
    await expect(page).toHaveURL(`/articles/${lead.slug}`);
  });

  await test.step('the article shows headline, standfirst, byline, dates, reading time, tags and related articles', async () => {
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(lead.title);
    await expect(main.getByText(lead.summary, { exact: true })).toBeVisible();
    // The byline comes before the related articles, whose cards have bylines too.
    await expect(main.getByRole('link', { name: lead.authorName }).first()).toHaveAttribute('href', `/author/${lead.authorSlug}`);
    await expect(main.locator(`time[datetime="${new Date(lead.publishedAt).toISOString()}"]`).first()).toBeVisible();
    if (lead.revisedAt !== null) {
      await expect(main.locator(`time[datetime="${new Date(lead.revisedAt).toISOString()}"]`)).toBeVisible();
    }
    await expect(main.getByText(`${readingMinutes(lead.body)} min read`)).toBeVisible();
    await expect(main.getByRole('list', { name: 'Tags' }).getByRole('link')).toHaveText(tags.map((t) => t.name));
    const related = main.getByRole('region', { name: 'Related articles' }).getByRole('article');
    await expect(related).not.toHaveCount(0);
    expect(await related.count()).toBeLessThanOrEqual(3);
    for (const href of await related
      .getByRole('heading')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/articles\/[a-z0-9-]+$/);
      expect(href).not.toBe(`/articles/${lead.slug}`);
      expect(href).not.toBe(`/articles/${DRAFT_SLUG}`);
    }
  });

  await test.step('the section link opens the section archive', async () => {
    await main.getByRole('link', { name: lead.sectionName, exact: true }).first().click();
    await expect(page).toHaveURL(`/section/${lead.sectionSlug}`);
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(lead.sectionName);
    await expect(main.getByRole('link', { name: lead.title })).toBeVisible();
    await page.goBack();
  });

  await test.step('the byline opens the author page with their bio', async () => {
    await main.getByRole('link', { name: lead.authorName }).first().click();
    await expect(page).toHaveURL(`/author/${lead.authorSlug}`);
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(lead.authorName);
    await expect(main.getByText(lead.authorBio)).toBeVisible();
    await expect(main.getByRole('link', { name: lead.title })).toBeVisible();
    await page.goBack();
  });

  await test.step('a tag opens the tag archive', async () => {
    const tag = tags[0]!;
    await main.getByRole('list', { name: 'Tags' }).getByRole('link', { name: tag.name }).click();
    await expect(page).toHaveURL(`/tag/${tag.slug}`);
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(tag.name);
    await expect(main.getByRole('link', { name: lead.title })).toBeVisible();
  });

  await test.step('searching for "mainframe" ranks the mainframe article first, with highlighted snippets', async () => {
    const mainframe = listPublished(siteDb).find((a) => /mainframe/i.test(a.title));
    if (!mainframe) throw new Error('The seed has no article about mainframes');
    const searchbox = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox', { name: 'Search articles' });
    await searchbox.fill('mainframe');
    await searchbox.press('Enter');
    await expect(page).toHaveURL('/search?q=mainframe');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Search');
    await expect(main.getByText(/^\d+ results? for “mainframe”$/)).toBeVisible();
    const results = main.getByRole('listitem');
    await expect(results.first().getByRole('heading')).toHaveText(mainframe.title);
    const marks = results.first().locator('mark');
    await expect(marks.first()).toBeVisible();
    for (const text of await marks.allTextContents()) expect(text).toMatch(/^mainframe/i);
  });
});

test('the front page paginates by path', async ({ page, siteDb }) => {
  const published = listPublished(siteDb);
  const pageCount = Math.ceil(published.length / PAGE_SIZE);
  expect(pageCount).toBeGreaterThan(1);
  const main = page.getByRole('main');
  const pagination = main.getByRole('navigation', { name: 'Pagination' });

  await page.goto('/');
  await expect(pagination.getByText(`Page 1 of ${pageCount}`)).toBeVisible();
  await pagination.getByRole('link', { name: /Older/ }).click();

  await expect(page).toHaveURL('/page/2');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Latest news');
  await expect(pagination.getByText(`Page 2 of ${pageCount}`)).toBeVisible();
  // Compared by link, not headline: the caching spec may be renaming an article meanwhile.
  const hrefs = await main
    .getByRole('article')
    .getByRole('heading')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(published.slice(PAGE_SIZE, PAGE_SIZE * 2).map((a) => `/articles/${a.slug}`));

  await pagination.getByRole('link', { name: /Newer/ }).click();
  await expect(page).toHaveURL('/');
  await expect(main.getByRole('article').first().getByRole('heading')).toHaveText(published[0]!.title);
});

test('old /category/ addresses redirect permanently to the section', async ({ request, siteDb }) => {
  const [lead] = listPublished(siteDb);
  for (const suffix of ['', '/feed.xml', '/page/1']) {
    const response = await request.get(`/category/${lead!.sectionSlug}${suffix}`, { maxRedirects: 0 });
    expect(response.status(), suffix).toBe(308);
    expect(response.headers().location, suffix).toBe(`/section/${lead!.sectionSlug}${suffix}`);
  }
});
