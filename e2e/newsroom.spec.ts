import { and, eq } from 'drizzle-orm';
import { articles, comments, moderationLog } from '../db/schema';
import { toZonedInput } from '../lib/articles/editorial-rules';
import { axeViolations } from '../test/support/axe';
import { sessionCookie } from '../test/support/site-data';
import { articleRow, insertArticle, insertComment, newsroomSeedChoices, uniqueTag } from './support/admin-data';
import { builtAction } from './support/admin-surface';
import { expect } from './support/fixtures';
import {
  articleForm,
  editorFields,
  editorMessage,
  editorState,
  escapeRegExp,
  fillArticle,
  jsonLd,
  openNewArticle,
  publishThroughEditor,
  savedArticleId,
  uploadAndChoose,
} from './support/newsroom';
import { ownSiteTest } from './support/own-site';
import { makePicture, mediaRowsNamed } from './support/pictures';
import { callServerAction } from './support/server-actions';

// The newsroom publishes: an editor writes, illustrates, previews, publishes, corrects, moves and
// takes down articles, and readers (a browser context with no cookie) see each change at once.
//
// On a site of this spec's own (e2e/support/own-site.ts): every article published here becomes
// the newest on its site, and the shared site's specs pick articles by position (the lead story,
// the "commentable" ones), so publishing there would move them mid-run. The fixtures (editorPage,
// adminPage, staffPage, siteDb) follow the `settings` fixture, so they all point at this site.

const test = ownSiteTest('newsroom');

/** A word nobody else wrote, to search for. */
const uniqueWord = (label: string) => `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('an editor writes an article with a picture, previews and publishes it, and readers find it everywhere at once', async ({
  editorPage: page,
  page: readerPage,
  siteDb,
  settings,
}) => {
  test.setTimeout(90_000);
  const tag = uniqueTag('write');
  const word = uniqueWord('harbour');
  const { section, authors } = newsroomSeedChoices(siteDb);
  const title = `Harbour sensors ${word} report on the tides`;
  const newTag = `Tidal data ${tag}`;
  const picture = await makePicture(`harbour-${tag}.png`);
  const alt = 'Sensors bolted to a harbour wall at low tide';

  await test.step('write the article, with two bylines, a new tag and an uploaded picture', async () => {
    await openNewArticle(page);
    await fillArticle(page, {
      title,
      summary: 'Forty sensors now publish the harbour’s water levels every minute.',
      body: `The council’s ${word} sensors went live on Monday.\n\nEvery reading is published as open data.`,
      sectionName: section.name,
      authorNames: authors.map((a) => a.name),
      tags: newTag,
    });
    const f = editorFields(page);
    await expect(f.slug).toHaveValue(`harbour-sensors-${word}-report-on-the-tides`);
    await expect(f.authors.getByRole('checkbox', { name: authors[1].name })).toHaveAccessibleName(/\(byline 2\)/);

    await uploadAndChoose(page, picture, { alt: 'A harbour wall', credit: 'Harbour Trust' });
    // The picture's own words are offered; the article has its own alt text.
    await expect(f.imageAlt).toHaveValue('A harbour wall');
    await expect(f.imageCredit).toHaveValue('Harbour Trust');
    await f.imageAlt.fill(alt);
    await f.imageCaption.fill('The sensors at the east pier.');
    await expect(f.image.getByRole('img')).toBeVisible();
  });

  const id = await test.step('preview it: the site as readers will see it, marked as a preview', async () => {
    const popup = page.waitForEvent('popup');
    await editorFields(page).button('Preview').click();
    const preview = await popup;
    await expect(preview).toHaveURL(/\/admin\/preview\/\d+$/);
    await expect(preview.getByRole('note', { name: 'Preview' })).toContainText('readers cannot see this page');
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(title);
    const shown = preview.getByRole('main').getByRole('img', { name: alt });
    await expect(shown).toBeVisible();
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await preview.close();
    // Previewing saved the draft first.
    await expect(editorMessage(page)).toHaveText('Draft saved.');
    return savedArticleId(page);
  });

  await test.step('publish it', async () => {
    await editorFields(page).button('Publish').click();
    await expect(editorMessage(page)).toHaveText('Published. Readers can see it now.');
    await expect(editorState(page)).toContainText(/^Published · version \d+ · all changes saved/);
    await expect(articleForm(page).getByRole('link', { name: 'View on the site' })).toBeVisible();
  });

  const slug = articleRow(siteDb, id)!.slug;
  const [stored] = mediaRowsNamed(siteDb, tag);
  expect(stored, 'the upload stored the picture').toBeDefined();
  const { hash } = stored!;
  const articleUrl = `${settings.siteUrl}/articles/${slug}`;
  const main = readerPage.getByRole('main');

  // No polling from here on: the publish itself must have refreshed every page that lists it.
  await test.step('the front page leads with it', async () => {
    await readerPage.goto('/');
    await expect(main.getByRole('article').first().getByRole('heading')).toHaveText(title);
  });
  await test.step('its section lists it', async () => {
    await readerPage.goto(`/section/${section.slug}`);
    await expect(main.getByRole('link', { name: title })).toBeVisible();
  });
  await test.step('its new tag has a page that lists it', async () => {
    await readerPage.goto(`/articles/${slug}`);
    await main.getByRole('list', { name: 'Tags' }).getByRole('link', { name: newTag }).click();
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(newTag);
    await expect(main.getByRole('link', { name: title })).toBeVisible();
  });
  await test.step('search finds it', async () => {
    await readerPage.goto(`/search?q=${word}`);
    await expect(main.getByText(`1 result for “${word}”`)).toBeVisible();
    await expect(main.getByRole('listitem').getByRole('heading')).toHaveText(title);
  });
  await test.step('the feed carries it with its picture, and both sitemaps list it', async () => {
    const feed = await (await readerPage.request.get('/feed.xml')).text();
    const item = feed.split('<item>').find((i) => i.includes(`<link>${articleUrl}</link>`));
    expect(item, 'the feed lists the article').toBeDefined();
    expect(item).toContain(`<media:content url="${settings.siteUrl}/media/${hash}-1280.jpg" medium="image" type="image/jpeg">`);
    expect(item).toContain(`<media:description type="plain">${alt}</media:description>`);
    expect((await readerPage.request.get(`/media/${hash}-1280.webp`)).headers()['content-type']).toBe('image/webp');
    expect(await (await readerPage.request.get('/sitemap.xml')).text()).toContain(`<loc>${articleUrl}</loc>`);
    expect(await (await readerPage.request.get('/news-sitemap.xml')).text()).toContain(`<loc>${articleUrl}</loc>`);
  });
  await test.step('the article page shows the picture first, at the size the screen needs, and tells search engines', async () => {
    const response = await readerPage.goto(`/articles/${slug}`);
    expect(response?.status()).toBe(200);
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(title);
    for (const author of authors) await expect(main.locator('.article__meta').getByRole('link', { name: author.name })).toBeVisible();
    const figure = main.locator('figure.article__image');
    const img = figure.getByRole('img', { name: alt });
    await expect(img).toHaveAttribute('loading', 'eager');
    await expect(img).toHaveAttribute('fetchpriority', 'high');
    await expect(figure.locator('source[type="image/avif"]')).toHaveAttribute('srcset', new RegExp(`/media/${hash}-320\\.avif 320w`));
    await expect(figure.locator('source[type="image/webp"]')).toHaveAttribute('srcset', new RegExp(`/media/${hash}-1600\\.webp 1600w`));
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    await expect(figure).toContainText('The sensors at the east pier.');
    await expect(figure).toContainText('Harbour Trust');

    const ld = await jsonLd(readerPage);
    expect(ld.image).toEqual([`${settings.siteUrl}/media/${hash}-1280.webp`]);
    expect((ld.author as { name: string }[]).map((a) => a.name)).toEqual(authors.map((a) => a.name));
  });
  // A publish invalidates the site's pages; the editor's own message must outlast it.
  await expect(editorMessage(page)).toHaveText('Published. Readers can see it now.');
});

test('an update with a correction shows on the public page, and restoring the earlier version brings the old text back', async ({
  editorPage: page,
  page: readerPage,
  siteDb,
}) => {
  test.setTimeout(60_000);
  const tag = uniqueTag('correct');
  const { section, authors } = newsroomSeedChoices(siteDb, 1);
  const firstText = `The depot opens in March (${tag}).`;
  const secondText = `The depot opens in April (${tag}).`;
  // Paragraphs around the one that changes: the comparison must show only that one.
  const intro = 'Forty electric buses will charge at the depot overnight.';
  const outro = 'The council says fares will not change.';
  const correction = 'An earlier version of this article gave the wrong month for the opening.';
  const { id, slug } = await publishThroughEditor(page, {
    title: `Bus depot goes electric ${tag}`,
    summary: 'Forty buses will charge overnight.',
    body: `${intro}\n\n${firstText}\n\n${outro}`,
    sectionName: section.name,
    authorNames: [authors[0].name],
    tags: 'Transport',
  });
  const main = readerPage.getByRole('main');
  await readerPage.goto(`/articles/${slug}`);
  await expect(main.getByText(firstText)).toBeVisible();
  await expect(main.getByText(/Updated/)).toHaveCount(0);

  await test.step('update the text with a correction', async () => {
    const f = editorFields(page);
    await f.body.fill(`${intro}\n\n${secondText}\n\n${outro}`);
    await f.correction.fill(correction);
    await f.button('Update').click();
    await expect(editorMessage(page)).toHaveText('Updated. Readers see the new text now.');
  });

  await test.step('readers see the new text, when it was updated, and the correction', async () => {
    await readerPage.goto(`/articles/${slug}`);
    await expect(main.getByText(secondText)).toBeVisible();
    await expect(main.getByText(firstText)).toHaveCount(0);
    await expect(main.locator('.article__meta')).toContainText(/· Updated \d/);
    const aside = main.getByRole('complementary', { name: 'Correction' });
    await expect(aside).toContainText(correction);
    await expect(aside.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  });

  await test.step('the revisions page lists the earlier version and restores it', async () => {
    await page.goto(`/admin/articles/${id}`);
    await page.getByRole('link', { name: '1 earlier revision' }).click();
    await expect(page).toHaveURL(`/admin/articles/${id}/revisions`);
    await page.getByRole('link', { name: 'Version 1' }).click();
    const changes = page.getByRole('region', { name: 'Changes to the body' });
    // One line out, one line in: the unchanged paragraphs are not marked (a form sends CRLF; the
    // text is kept with LF, as it was typed).
    await expect(changes.getByRole('deletion')).toHaveText(`− ${firstText}`);
    await expect(changes.getByRole('insertion')).toHaveText(`+ ${secondText}`);
    await expect(changes).toContainText(intro);
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await expect(page.getByRole('form', { name: 'Restore this revision' })).toContainText('Updated. Readers see the new text now.');
  });

  await test.step('readers see the earlier text again', async () => {
    await readerPage.goto(`/articles/${slug}`);
    await expect(main.getByText(firstText)).toBeVisible();
    await expect(main.getByText(secondText)).toHaveCount(0);
  });
  // Published (1), updated (2), restored (3).
  expect(articleRow(siteDb, id)).toMatchObject({ body: `${intro}\n\n${firstText}\n\n${outro}`, version: 3 });
});

test('a changed slug: the old address redirects for good, and no other article can take it', async ({
  editorPage: page,
  request,
  siteDb,
  settings,
}) => {
  test.setTimeout(60_000);
  const tag = uniqueTag('slug');
  const { section, authors } = newsroomSeedChoices(siteDb, 2);
  const title = `Library card goes digital ${tag}`;
  const { slug: oldSlug } = await publishThroughEditor(page, {
    title,
    summary: 'Borrowers can now use their phones.',
    body: 'The new card works in every branch.',
    sectionName: section.name,
    authorNames: [authors[0].name],
    tags: 'Libraries',
  });
  const newSlug = `digital-library-card-${tag}`;

  await editorFields(page).slug.fill(newSlug);
  await expect(articleForm(page)).toContainText('Changing it keeps the old address working: it redirects here.');
  await editorFields(page).button('Update').click();
  await expect(editorMessage(page)).toHaveText('Updated. Readers see the new text now.');

  const moved = await request.get(`/articles/${oldSlug}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(new URL(moved.headers().location!, settings.siteUrl).pathname).toBe(`/articles/${newSlug}`);
  const followed = await request.get(`/articles/${oldSlug}`);
  expect(followed.url()).toMatch(new RegExp(`/articles/${newSlug}$`));
  expect(await followed.text()).toContain(title);

  await test.step('a second article cannot take the old address, and keeps what was typed', async () => {
    await openNewArticle(page);
    const secondTitle = `Another library story ${tag}`;
    const body = 'Opening hours change in January.';
    await fillArticle(page, { title: secondTitle, body, sectionName: section.name, authorNames: [authors[1].name] });
    const f = editorFields(page);
    await f.slug.fill(oldSlug);
    await f.button('Save draft').click();
    const message = `Another article had the address /articles/${oldSlug}: choose another slug.`;
    await expect(editorMessage(page)).toHaveText(`Not saved. ${message}`);
    await expect(f.slug).toHaveAttribute('aria-invalid', 'true');
    await expect(f.slug).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
    await expect(f.slug).toHaveValue(oldSlug);
    await expect(f.title).toHaveValue(secondTitle);
    await expect(f.body).toHaveValue(body);
    await expect(page).toHaveURL('/admin/articles/new');
    expect(siteDb.select().from(articles).where(eq(articles.title, secondTitle)).all()).toEqual([]);
  });
});

test('unpublishing: the address answers 410 Gone, every listing drops it, and its comments are kept', async ({
  editorPage: page,
  page: readerPage,
  siteDb,
  settings,
}) => {
  test.setTimeout(60_000);
  const tag = uniqueTag('gone');
  const word = uniqueWord('withdrawn');
  const { section, authors } = newsroomSeedChoices(siteDb, 3);
  const title = `Parking app ${word} launches`;
  const { id, slug } = await publishThroughEditor(page, {
    title,
    summary: 'Pay for parking by phone.',
    body: `The ${word} app covers every car park.`,
    sectionName: section.name,
    authorNames: [authors[0].name],
    tags: 'Parking',
  });
  const commentIds = [1, 2].map((n) =>
    insertComment(siteDb, {
      articleId: id,
      authorName: `Reader ${n}`,
      authorEmail: `reader-${n}-${tag}@example.com`,
      body: `Comment ${n} ${tag}`,
      status: 'approved',
    }),
  );
  const articleUrl = `${settings.siteUrl}/articles/${slug}`;
  const main = readerPage.getByRole('main');
  const feeds = async () => ({
    feed: await (await readerPage.request.get('/feed.xml')).text(),
    sitemap: await (await readerPage.request.get('/sitemap.xml')).text(),
    news: await (await readerPage.request.get('/news-sitemap.xml')).text(),
  });

  // Readers have seen it everywhere (and the page is in the cache, ready-made copy and all).
  for (let i = 0; i < 3; i++) expect((await readerPage.request.get(`/articles/${slug}`)).status()).toBe(200);
  await readerPage.goto('/');
  // The lead story and the latest list both link to it.
  await expect(main.getByRole('link', { name: title }).first()).toBeVisible();
  await readerPage.goto(`/search?q=${word}`);
  await expect(main.getByRole('listitem').getByRole('link', { name: title })).toBeVisible();
  const before = await feeds();
  expect(before.feed).toContain(articleUrl);
  expect(before.sitemap).toContain(articleUrl);
  expect(before.news).toContain(articleUrl);

  await editorFields(page).button('Unpublish').click();
  await expect(editorMessage(page)).toHaveText('Unpublished. Its address now answers that it is gone.');
  await expect(editorState(page)).toContainText(/^Unpublished/);

  const gone = await readerPage.request.get(`/articles/${slug}`);
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain('This article has been removed');
  await readerPage.goto('/');
  await expect(main.getByRole('heading', { level: 1 }).first()).toBeAttached();
  await expect(main.getByRole('link', { name: title })).toHaveCount(0);
  await readerPage.goto(`/search?q=${word}`);
  await expect(main.getByText(`No articles match “${word}”.`, { exact: false })).toBeVisible();
  const after = await feeds();
  expect(after.feed).not.toContain(articleUrl);
  expect(after.sitemap).not.toContain(articleUrl);
  expect(after.news).not.toContain(articleUrl);

  // Taken down, not deleted: the readers' comments are still there, untouched.
  const kept = siteDb
    .select({ id: comments.id, status: comments.status })
    .from(comments)
    .where(eq(comments.articleId, id))
    .orderBy(comments.id)
    .all();
  expect(kept).toEqual(commentIds.map((commentId) => ({ id: commentId, status: 'approved' })));
});

test('a moderator cannot publish: the article pages are not theirs, and a direct call of the save action changes nothing', async ({
  staffPage: page,
  siteDb,
  settings,
  moderator,
}) => {
  const tag = uniqueTag('mod');
  await page.goto('/admin/articles');
  await expect(page).toHaveURL('/admin/forbidden');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not part of your role');

  const { section, authors } = newsroomSeedChoices(siteDb);
  const id = insertArticle(siteDb, { title: `Draft ${tag}`, slug: `draft-${tag}`, body: 'Ready to go.' });
  const before = articleRow(siteDb, id);
  const action = builtAction('lib/articles/admin-actions.ts', 'saveArticleAction');
  const answer = await callServerAction({
    baseUrl: settings.siteUrl,
    path: action.path,
    id: action.id,
    arity: 2,
    cookie: sessionCookie(moderator.sessionToken),
    fields: {
      id: String(id),
      version: '1',
      intent: 'publish',
      title: `Published by a moderator ${tag}`,
      slug: `draft-${tag}`,
      sectionId: String(section.id),
      authorIds: [String(authors[0].id)],
      body: 'Ready to go.',
    },
  });
  expect(answer.redirect).toMatch(/^\/admin\/forbidden(;|$)/);
  expect(articleRow(siteDb, id)).toEqual(before);
  expect(articleRow(siteDb, id)!.status).toBe('draft');
  const logged = siteDb
    .select()
    .from(moderationLog)
    .where(and(eq(moderationLog.actor, moderator.email), eq(moderationLog.action, 'article-publish')))
    .all();
  expect(logged).toEqual([]);
});

test('two editors on one draft: the second save is refused with the first one’s text shown, nothing is overwritten, and “Keep mine” then saves', async ({
  editorPage: first,
  adminPage: second,
  editor,
  siteDb,
}) => {
  test.setTimeout(60_000);
  const tag = uniqueTag('conflict');
  const id = insertArticle(siteDb, { title: `Shared draft ${tag}`, slug: `shared-draft-${tag}`, body: 'The starting text.' });
  await first.goto(`/admin/articles/${id}`);
  await second.goto(`/admin/articles/${id}`);
  await expect(editorState(first)).toContainText('version 1');
  await expect(editorState(second)).toContainText('version 1');

  const firstText = `The first editor’s text (${tag}).`;
  const secondText = `The second editor’s text (${tag}).`;
  await editorFields(first).body.fill(firstText);
  await editorFields(first).button('Save draft').click();
  await expect(editorMessage(first)).toHaveText('Draft saved.');

  await editorFields(second).body.fill(secondText);
  await editorFields(second).button('Save draft').click();
  await expect(editorMessage(second)).toContainText(`This article was changed by ${editor.email} at `);
  await expect(editorMessage(second)).toContainText('Nothing was saved');
  // Both texts on screen: theirs to compare, and mine still in my form.
  await expect(editorFields(second).body).toHaveValue(secondText);
  const theirs = second.getByRole('region', { name: new RegExp(`^${escapeRegExp(editor.email)}’s version`) });
  await expect(theirs.getByRole('textbox', { name: 'Their body' })).toHaveValue(firstText);
  expect(articleRow(siteDb, id)).toMatchObject({ body: firstText, version: 2 });

  await theirs.getByRole('button', { name: 'Keep mine (save over theirs)' }).click();
  await expect(theirs).toBeHidden();
  await expect(editorMessage(second)).toHaveText(`Your text will replace ${editor.email}’s at your next save.`);
  await editorFields(second).button('Save draft').click();
  await expect(editorMessage(second)).toHaveText('Draft saved.');
  await expect(editorState(second)).toContainText('version 3 · all changes saved');
  expect(articleRow(siteDb, id)).toMatchObject({ body: secondText, version: 3 });
});

test('bad input keeps the form: a picture without alt text is not published, and a schedule time in the past is refused', async ({
  editorPage: page,
  siteDb,
}) => {
  test.setTimeout(60_000);
  const tag = uniqueTag('bad');
  const { section, authors } = newsroomSeedChoices(siteDb, 4);
  const draft = {
    title: `Recycling rates rise ${tag}`,
    summary: 'Households recycle more than ever.',
    body: 'Half of all waste is now recycled.',
    sectionName: section.name,
    authorNames: authors.map((a) => a.name),
    tags: `Recycling ${tag}`,
  };
  await openNewArticle(page);
  await fillArticle(page, draft);
  // A picture uploaded without alt text: nothing to copy into the article's own.
  await uploadAndChoose(page, await makePicture(`bins-${tag}.png`, { width: 800, height: 600 }), { alt: '' });
  const f = editorFields(page);
  await expect(f.imageAlt).toHaveValue('');
  await f.imageCaption.fill('Bins on a street.');

  const expectEverythingKept = async () => {
    await expect(f.title).toHaveValue(draft.title);
    await expect(f.summary).toHaveValue(draft.summary);
    await expect(f.body).toHaveValue(draft.body);
    await expect(f.tags).toHaveValue(draft.tags);
    await expect(f.section.locator('option:checked')).toHaveText(section.name);
    for (const a of authors) await expect(f.authors.getByRole('checkbox', { name: a.name })).toBeChecked();
    await expect(f.imageCaption).toHaveValue('Bins on a street.');
    // Still chosen: its thumbnail (alt="" until it has alt text) and the button to remove it.
    await expect(f.image.locator('figure img')).toBeVisible();
    await expect(f.image.getByRole('button', { name: 'Remove picture' })).toBeVisible();
  };

  await f.button('Publish').click();
  const altError = 'Describe the picture for readers who cannot see it: alt text is needed to publish it.';
  await expect(editorMessage(page)).toHaveText(`Not saved. ${altError}`);
  await expect(f.imageAlt).toHaveAttribute('aria-invalid', 'true');
  await expect(f.imageAlt).toHaveAccessibleDescription(new RegExp(escapeRegExp(altError)));
  await expectEverythingKept();
  expect(siteDb.select().from(articles).where(eq(articles.title, draft.title)).all()).toEqual([]);

  await f.imageAlt.fill('Green recycling bins on a street');
  await f.scheduleAt.fill(toZonedInput(new Date(Date.now() - 24 * 3600_000), 'Europe/London'));
  await f.button('Schedule').click();
  const pastError = 'That time has passed: choose a time in the future, or Publish now.';
  await expect(editorMessage(page)).toHaveText(pastError);
  await expect(f.scheduleAt).toHaveAttribute('aria-invalid', 'true');
  await expect(f.scheduleAt).toHaveAccessibleDescription(pastError);
  await expectEverythingKept();
  await expect(f.imageAlt).toHaveValue('Green recycling bins on a street');
  expect(siteDb.select().from(articles).where(eq(articles.title, draft.title)).all()).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the newsroom's pages have no serious or critical axe violations (${colorScheme})`, async ({ editorPage: page, siteDb }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    const tag = uniqueTag(`a11y-${colorScheme}`);
    const { section, authors } = newsroomSeedChoices(siteDb, 5);
    const checks: string[] = [];
    const check = async (what: string) => {
      checks.push(what);
      expect(await axeViolations(page), `${what} (${colorScheme})`).toEqual([]);
    };

    await openNewArticle(page);
    await check('the new article editor');
    await fillArticle(page, {
      title: `Axe checks the newsroom ${tag}`,
      summary: 'Every page, in both colour schemes.',
      body: 'The first text.\n\n## A heading\n\nMore text.',
      sectionName: section.name,
      authorNames: authors.map((a) => a.name),
      tags: 'Accessibility',
    });
    await uploadAndChoose(page, await makePicture(`axe-${tag}.png`, { width: 1200, height: 800 }), { alt: 'A test card', credit: 'E2E' });
    await editorFields(page).button('Publish').click();
    await expect(editorMessage(page)).toHaveText('Published. Readers can see it now.');
    const id = await savedArticleId(page);
    await editorFields(page).body.fill('The second text.\n\n## A heading\n\nMore text.');
    await editorFields(page).correction.fill('A correction, for the page to show one.');
    await editorFields(page).button('Update').click();
    await expect(editorMessage(page)).toHaveText('Updated. Readers see the new text now.');
    await check('the editor of a published article, after an update');

    await page.goto(`/admin/articles/${id}`);
    await check('the editor of a published article, opened afresh');
    await page.goto(`/admin/articles/${id}/revisions`);
    await page.getByRole('link', { name: 'Version 1' }).click();
    await expect(page.getByRole('region', { name: 'Changes to the body' })).toBeVisible();
    await check('the revisions page with a comparison');
    await page.goto('/admin/articles?tab=published');
    await expect(page.getByRole('link', { name: `Axe checks the newsroom ${tag}` })).toBeVisible();
    await check('the article list');
    await page.goto('/admin/media');
    await expect(page.getByRole('link', { name: `axe-${tag}.png` })).toBeVisible();
    await check('the media library');
    await page.goto(`/admin/preview/${id}`);
    await expect(page.getByRole('note', { name: 'Preview' })).toBeVisible();
    await check('the preview');
    await page.goto(`/articles/${articleRow(siteDb, id)!.slug}`);
    await expect(page.locator('figure.article__image img')).toBeVisible();
    await check('an article page with a lead picture and a correction');
    await openNewArticle(page);
    await editorFields(page).image.getByRole('button', { name: 'Choose picture' }).click();
    await expect(
      page
        .getByRole('dialog', { name: 'Media library' })
        .getByRole('button', { name: /^Choose\b/ })
        .first(),
    ).toBeVisible();
    await check('the media dialog');
    expect(checks).toHaveLength(9);
  });
}
