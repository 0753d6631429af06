import type { Browser, Page, TestInfo } from '@playwright/test';
import { and, count, eq, isNull } from 'drizzle-orm';
import { articles, comments, sections } from '../db/schema';
import { uniqueClientIp } from '../test/support/client-ip';
import { expect, test } from './support/fixtures';
import {
  AWAITING_NOTE,
  closedArticle,
  CommentForm,
  commentableArticle,
  commentsBy,
  commentWith,
  eventually,
  moderate,
  storedComment,
  SUCCESS_MESSAGE,
  uniqueEmail,
} from './support/comments';
import { invalidateTags, type SiteDb } from '../test/support/site-db';
import { horizontalOverflow } from './support/layout';

// Comments: anyone may comment, every comment waits for a moderator, the commenter
// alone sees theirs until then, and approval makes it public. Each test has its own article, its
// own readers (emails) and its own IP addresses, so the tests run side by side.

// Posting waits out the 3 s minimum, and moderation runs the real CLI: give journeys room.
test.describe.configure({ timeout: 120_000 });

/** A reader's browser, seen by the server as coming from its own IP address. */
async function readerContext(browser: Browser, testInfo: TestInfo, options: { javaScriptEnabled?: boolean } = {}) {
  const ip = uniqueClientIp(testInfo.parallelIndex);
  const context = await browser.newContext({ ...options, extraHTTPHeaders: { 'X-Forwarded-For': ip } });
  return { context, ip };
}

/** Fails the test if any page ever opens a dialog (alert, confirm, prompt). */
function watchDialogs(page: Page, dialogs: string[]): void {
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

/** The list item of one approved comment: its own `<li>`, not an ancestor's that holds it among its replies. */
const itemOf = (page: Page, id: number) => page.locator(`#comments li:has(> #comment-${id})`);
/** Comment `reply`, found as the comment of an item in the list of replies of `parent`'s item. */
const replyIn = (page: Page, parent: number, reply: number) => itemOf(page, parent).locator(`:scope > ol > li > #comment-${reply}`);

/** Publishes a comment as if a moderator had approved it, for tests about what comes after. */
function insertApprovedComment(
  db: SiteDb,
  article: { id: number; slug: string },
  {
    name,
    email,
    body,
    parentId = null,
    depth = 1,
  }: { name: string; email: string; body: string; parentId?: number | null; depth?: number },
): number {
  const { id } = db
    .insert(comments)
    .values({ articleId: article.id, parentId, depth, authorName: name, authorEmail: email, body, status: 'approved', moderatedBy: 'e2e' })
    .returning({ id: comments.id })
    .get();
  invalidateTags(db, [`article:${article.slug}`, 'comment-counts']);
  return id;
}

/** Approved comments on an article, top-level ones only with `topLevel`. */
const approvedCount = (db: SiteDb, articleId: number, { topLevel = false } = {}) =>
  db
    .select({ n: count() })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved'), topLevel ? isNull(comments.parentId) : undefined))
    .get()!.n;

test('with JavaScript a comment posts in place, shows to its author as awaiting moderation, and goes public when approved', async ({
  browser,
  siteDb,
  settings,
}, testInfo) => {
  const article = commentableArticle(siteDb, 0);
  const url = `/articles/${article.slug}`;
  const email = uniqueEmail('js-poster');
  const body = `Useful piece. The tender documents are here: https://example.org/tender-42. Thanks! ${Date.now()}`;
  const dialogs: string[] = [];
  const before = approvedCount(siteDb, article.id);

  const { context: author } = await readerContext(browser, testInfo);
  const page = await author.newPage();
  watchDialogs(page, dialogs);
  const form = new CommentForm(page);
  await form.open(url);
  await expect(page.getByRole('heading', { name: 'Leave a reply' })).toBeVisible();
  await expect(form.form).toContainText('Your email address will not be published. Required fields are marked *');

  // Hold the post for a moment so the "Posting…" state can be seen.
  await page.route(`**${url}`, async (route) => {
    if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 1_500));
    await route.continue();
  });
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await form.fill({ name: 'Priya Commenter', email, website: 'https://priya.example.org/', body });
  await page.waitForTimeout(3_200);
  await form.submit.click();
  await expect(form.submit).toHaveText('Posting…');
  await expect(form.submit).toBeDisabled();

  await expect(form.status).toHaveText(SUCCESS_MESSAGE);
  await expect(form.submit).toHaveText('Post comment');
  await expect(form.body).toHaveValue('');
  // Posted without leaving the page.
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  const stored = await storedComment(siteDb, email);
  expect(stored.status).toBe('pending');

  // The author sees it in place, marked, now and on a later visit.
  const mine = commentWith(page, 'The tender documents are here');
  await expect(mine).toBeVisible();
  await expect(mine).toContainText(AWAITING_NOTE);
  await page.reload();
  await expect(commentWith(page, 'The tender documents are here')).toContainText(AWAITING_NOTE);
  // Remembered in this browser's local storage as a signed list, not in a cookie: the action sets
  // none, so its answer is not a fresh render of the whole page.
  expect(await page.evaluate(() => window.localStorage.getItem('ledger_pending'))).toMatch(/^[\d-]+\.[\w-]+$/);
  expect((await author.cookies()).filter((c) => c.name.startsWith('ledger_'))).toEqual([]);

  // Nobody else does.
  const { context: other } = await readerContext(browser, testInfo);
  const otherPage = await other.newPage();
  watchDialogs(otherPage, dialogs);
  await otherPage.goto(url);
  await expect(otherPage.getByRole('heading', { name: 'Leave a reply' })).toBeVisible();
  await expect(otherPage.getByText('The tender documents are here')).toHaveCount(0);
  await expect(otherPage.getByText(AWAITING_NOTE)).toHaveCount(0);
  const othersView = await other.request.get(`/api/comments/mine?article=${article.slug}`);
  expect(await othersView.json()).toEqual({ comments: [] });

  // Another article's page, in the cache before the approval (no test touches this one).
  const untouched = `/articles/${commentableArticle(siteDb, 9).slug}`;
  await expect(async () => {
    await other.request.get(untouched);
    expect((await other.request.get(untouched)).headers()['x-nextjs-cache']).toBe('HIT');
  }).toPass({ timeout: 20_000 });

  // A moderator approves it with the CLI; every reader sees it within a few seconds.
  await moderate(settings, 'approve', [stored.id]);
  const started = Date.now();
  await eventually(
    otherPage,
    url,
    async () => {
      await expect(commentWith(otherPage, 'The tender documents are here')).toBeVisible({ timeout: 500 });
    },
    10_000,
  );
  testInfo.annotations.push({ type: 'approval visible after', description: `${Date.now() - started} ms` });
  // Only this article was rebuilt: the other one is still served from the cache.
  expect((await other.request.get(untouched)).headers()['x-nextjs-cache'], 'another article re-rendered on approval').toBe('HIT');
  const published = commentWith(otherPage, 'The tender documents are here');
  await expect(published).not.toContainText(AWAITING_NOTE);
  await expect(published).toHaveAttribute('id', `comment-${stored.id}`);
  await expect(published.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  const authorLink = published.getByRole('link', { name: 'Priya Commenter', exact: true });
  await expect(authorLink).toHaveAttribute('href', 'https://priya.example.org/');
  await expect(authorLink).toHaveAttribute('rel', 'nofollow ugc noopener');
  // The URL in the text is a link without the sentence's full stop, and also nofollow.
  const autolink = published.getByRole('link', { name: 'https://example.org/tender-42' });
  await expect(autolink).toHaveAttribute('href', 'https://example.org/tender-42');
  await expect(autolink).toHaveAttribute('rel', 'nofollow ugc noopener');
  await expect(published.getByRole('link', { name: 'Reply to Priya Commenter' })).toBeVisible();
  // The count on the article counts it.
  await expect(otherPage.locator('#comments-heading')).toHaveText(`${before + 1} ${before + 1 === 1 ? 'comment' : 'comments'}`);

  // The author now sees the published comment once, without the note.
  await eventually(page, url, async () => {
    await expect(commentWith(page, 'The tender documents are here')).toHaveCount(1, { timeout: 500 });
    await expect(commentWith(page, 'The tender documents are here')).not.toContainText(AWAITING_NOTE, { timeout: 500 });
  });

  expect(dialogs).toEqual([]);
  await author.close();
  await other.close();
});

test('without JavaScript the form is a plain POST: errors keep what was typed, then the thanks', async ({ browser, siteDb }, testInfo) => {
  const article = commentableArticle(siteDb, 1);
  const url = `/articles/${article.slug}`;
  const email = uniqueEmail('nojs-poster');
  const body = `Posted from a browser with scripts off ${Date.now()}.`;

  const { context } = await readerContext(browser, testInfo, { javaScriptEnabled: false });
  const page = await context.newPage();
  const form = new CommentForm(page, { javaScript: false });
  await form.open(url);

  await form.send({ name: 'Noscript Reader', email: 'noscript-at-example.net', body });
  expect(new URL(page.url()).pathname).toBe(url);
  await expect(form.form).toContainText('Please correct the fields marked below.');
  await form.expectFieldError(form.email, 'Please enter a valid email address, like name@example.com.');
  await expect(form.body).toHaveValue(body);
  await expect(form.name).toHaveValue('Noscript Reader');
  await expect(form.email).toHaveValue('noscript-at-example.net');
  expect(commentsBy(siteDb, 'noscript-at-example.net')).toEqual([]);

  await form.email.fill(email);
  await form.post();
  // Post/redirect/get: the thanks is a page of its own, so reloading it posts nothing again.
  expect(new URL(page.url()).pathname).toBe(`${url}/comment-received`);
  await expect(page.getByRole('main').getByText(SUCCESS_MESSAGE)).toBeVisible();
  expect((await storedComment(siteDb, email)).status).toBe('pending');
  await page.reload();
  expect(commentsBy(siteDb, email)).toHaveLength(1);
  await page.getByRole('link', { name: /Back to/ }).click();
  expect(new URL(page.url()).pathname).toBe(url);
  await expect(form.body).toHaveValue('');

  // That answer was for this reader alone: the page others get holds neither the thanks nor the comment.
  const anonymous = await browser.newContext();
  const other = await anonymous.request.get(url);
  expect(other.status()).toBe(200);
  const html = await other.text();
  for (const privateText of [SUCCESS_MESSAGE, body, email]) expect(html).not.toContain(privateText);
  expect(other.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie')).toEqual([]);
  await anonymous.close();
  await context.close();
});

test('errors show beside each field and keep what was typed', async ({ browser, siteDb }, testInfo) => {
  const article = commentableArticle(siteDb, 2);
  const { context } = await readerContext(browser, testInfo);
  const page = await context.newPage();
  const form = new CommentForm(page);
  await form.open(`/articles/${article.slug}`);

  await form.send({ name: '   ', email: 'not-an-email', website: 'ftp://files.example.org', body: 'x' });
  await expect(form.status).toHaveText('Please correct the fields marked below.');
  await form.expectFieldError(form.name, 'Please enter your name.');
  await form.expectFieldError(form.email, 'Please enter a valid email address, like name@example.com.');
  await form.expectFieldError(form.website, 'Website must be a web address starting with http:// or https://');
  await form.expectFieldError(form.body, 'Please write a comment of at least 2 characters.');
  await expect(form.email).toHaveValue('not-an-email');
  await expect(form.website).toHaveValue('ftp://files.example.org');
  await expect(form.body).toHaveValue('x');
  expect(commentsBy(siteDb, 'not-an-email')).toEqual([]);
  // Focus is on the first field to fix, which a sighted reader sees by its red border too.
  await expect(form.body).toBeFocused();
  await expect(form.name).toHaveCSS('border-top-width', '2px');

  // "Save my name, email, and website" starts unticked, and nothing is kept until it is ticked.
  const remember = form.form.getByRole('checkbox', {
    name: 'Save my name, email, and website in this browser for the next time I comment.',
  });
  await expect(remember).not.toBeChecked();
  expect(await page.evaluate(() => localStorage.getItem('ledger:commenter'))).toBeNull();

  // Fixed, it goes through, and the errors are gone.
  const email = uniqueEmail('fixer');
  await form.fill({ name: 'Fixed Reader', email, website: 'https://fixer.example', body: 'Second attempt, this time complete.' });
  await remember.check();
  await form.post();
  await expect(form.status).toHaveText(SUCCESS_MESSAGE);
  await expect(form.form.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(storedComment(siteDb, email)).resolves.toMatchObject({ status: 'pending' });

  // Next time, in this browser only, the details are filled in and the box is ticked.
  await form.open(`/articles/${article.slug}`);
  await expect(form.name).toHaveValue('Fixed Reader');
  await expect(form.email).toHaveValue(email);
  await expect(form.website).toHaveValue('https://fixer.example');
  await expect(remember).toBeChecked();
  await context.close();
});

test('Reply opens the form under the comment it answers, and the approved reply shows nested under its parent', async ({
  browser,
  siteDb,
  settings,
}, testInfo) => {
  const article = commentableArticle(siteDb, 3);
  const url = `/articles/${article.slug}`;
  const parentEmail = uniqueEmail('parent');
  const replyEmail = uniqueEmail('replier');
  const parentName = `Olu Parent ${testInfo.parallelIndex}`;

  // The parent comment, posted and approved.
  const { context: first } = await readerContext(browser, testInfo);
  const firstForm = new CommentForm(await first.newPage());
  await firstForm.open(url);
  await firstForm.send({ name: parentName, email: parentEmail, body: 'Which suppliers bid for the second lot?' });
  await expect(firstForm.status).toHaveText(SUCCESS_MESSAGE);
  const parent = await storedComment(siteDb, parentEmail);
  await moderate(settings, 'approve', [parent.id]);
  await first.close();

  // Another reader replies to it.
  const { context } = await readerContext(browser, testInfo);
  const page = await context.newPage();
  const form = new CommentForm(page);
  await eventually(page, url, async () => {
    await expect(commentWith(page, 'Which suppliers bid')).toBeVisible({ timeout: 500 });
  });
  await form.open(url);
  await commentWith(page, 'Which suppliers bid')
    .getByRole('link', { name: `Reply to ${parentName}` })
    .click();
  await expect(page.getByRole('heading', { name: `Reply to ${parentName}` })).toBeVisible();
  await expect(form.form).toContainText(`Replying to ${parentName}.`);
  await expect(form.body).toBeFocused();
  // The form opened in place: inside the parent's item, straight after the comment, one form on the page.
  await expect(itemOf(page, parent.id).locator(':scope > .reply-in-place > form.comment-form')).toHaveCount(1);
  await expect(page.locator('form.comment-form')).toHaveCount(1);
  const replyLink = commentWith(page, 'Which suppliers bid').getByRole('link', { name: `Reply to ${parentName}` });
  await expect(replyLink).toHaveAttribute('aria-expanded', 'true');
  // What was typed goes with the form; Cancel puts it back at the end and focus back on Reply.
  await form.body.fill('Three: two incumbents and a newcomer.');
  await form.form.getByRole('link', { name: 'Cancel reply' }).click();
  await expect(page.getByRole('heading', { name: 'Leave a reply' })).toBeVisible();
  await expect(page.locator('#respond > form.comment-form')).toHaveCount(1);
  await expect(form.body).toHaveValue('Three: two incumbents and a newcomer.');
  await expect(replyLink).toBeFocused();
  await expect(replyLink).toHaveAttribute('aria-expanded', 'false');
  await expect(page).toHaveURL(url);
  await replyLink.click();
  await expect(page.getByRole('heading', { name: `Reply to ${parentName}` })).toBeVisible();
  await expect(page.locator('#respond')).toContainText('Write a new comment instead of a reply');
  await form.send({ name: 'Rhea Replier', email: replyEmail, body: 'Three: two incumbents and a newcomer.' });
  // The reply ends the reply mode: the form goes back to the end, saying the reply was received.
  await expect(page.getByRole('heading', { name: 'Leave a reply' })).toBeVisible();
  await expect(form.status).toHaveText(SUCCESS_MESSAGE);
  await expect(form.body).toHaveValue('');

  const reply = await storedComment(siteDb, replyEmail);
  expect(reply).toMatchObject({ parentId: parent.id, depth: 2, status: 'pending' });

  // The replier sees the pending reply under the comment it answers.
  const pendingReply = page.locator(`[data-replies-for="${parent.id}"]`).getByRole('article');
  await expect(pendingReply).toContainText('Three: two incumbents');
  await expect(pendingReply).toContainText(AWAITING_NOTE);

  await moderate(settings, 'approve', [reply.id]);
  const { context: anonymous } = await readerContext(browser, testInfo);
  const reader = await anonymous.newPage();
  await eventually(reader, url, async () => {
    await expect(commentWith(reader, 'Three: two incumbents')).toBeVisible({ timeout: 500 });
  });
  await expect(itemOf(reader, parent.id)).toHaveAttribute('data-depth', '1');
  await expect(itemOf(reader, reply.id)).toHaveAttribute('data-depth', '2');
  // Nested as a screen reader hears it: the reply's item is in the list of replies inside its parent's item.
  await expect(reader.locator(`#comments ol.comment-list > li:has(> #comment-${parent.id})`)).toHaveCount(1);
  await expect(replyIn(reader, parent.id, reply.id)).toHaveCount(1);
  // In thread order: the reply comes straight after its parent, indented.
  const ids = await reader.locator('#comments ol.comment-list li > article').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.indexOf(`comment-${reply.id}`)).toBe(ids.indexOf(`comment-${parent.id}`) + 1);
  const [parentBox, replyBox] = [
    await reader.locator(`#comment-${parent.id}`).boundingBox(),
    await reader.locator(`#comment-${reply.id}`).boundingBox(),
  ];
  expect(replyBox!.x).toBeGreaterThan(parentBox!.x);

  await context.close();
  await anonymous.close();
});

test('threads stop at three levels: a reply to a level-3 comment joins level 3', async ({ browser, siteDb }, testInfo) => {
  const article = commentableArticle(siteDb, 8);
  const url = `/articles/${article.slug}`;
  const run = Date.now().toString(36);
  const level1 = insertApprovedComment(siteDb, article, { name: 'Level One', email: uniqueEmail('l1'), body: `Level one ${run}` });
  const level2 = insertApprovedComment(siteDb, article, {
    name: 'Level Two',
    email: uniqueEmail('l2'),
    body: `Level two ${run}`,
    parentId: level1,
    depth: 2,
  });
  const level3 = insertApprovedComment(siteDb, article, {
    name: `Level Three ${run}`,
    email: uniqueEmail('l3'),
    body: `Level three ${run}`,
    parentId: level2,
    depth: 3,
  });
  const email = uniqueEmail('level4');

  const { context } = await readerContext(browser, testInfo);
  const page = await context.newPage();
  await eventually(page, url, async () => {
    await expect(commentWith(page, `Level three ${run}`)).toBeVisible({ timeout: 500 });
  });
  await expect(itemOf(page, level3)).toHaveAttribute('data-depth', '3');
  // Three lists deep: level 3 inside level 2 inside level 1.
  await expect(itemOf(page, level2)).toHaveAttribute('data-depth', '2');
  await expect(replyIn(page, level1, level2)).toHaveCount(1);
  await expect(replyIn(page, level2, level3)).toHaveCount(1);
  const form = new CommentForm(page);
  await form.open(url);
  await commentWith(page, `Level three ${run}`)
    .getByRole('link', { name: `Reply to Level Three ${run}` })
    .click();
  await expect(form.form).toContainText(`Replying to Level Three ${run}.`);
  await form.send({ name: 'Level Four', email, body: 'A reply to the deepest comment.' });
  await expect(form.status).toHaveText(SUCCESS_MESSAGE);

  // Stored beside the level-3 comment, under the same level-2 parent.
  expect(await storedComment(siteDb, email)).toMatchObject({ parentId: level2, depth: 3, status: 'pending' });
  const pending = page.locator(`[data-replies-for="${level2}"]`).getByRole('article');
  await expect(pending).toContainText('A reply to the deepest comment.');
  // Where it will appear once approved: after the level-3 comment (replies are oldest first), indented like it.
  const [deepest, preview] = [await page.locator(`#comment-${level3}`).boundingBox(), await pending.boundingBox()];
  expect(preview!.y).toBeGreaterThan(deepest!.y);
  expect(preview!.x).toBeCloseTo(deepest!.x, 0);
  await context.close();
});

test('without JavaScript, Reply opens a page with the reply form', async ({ browser, siteDb }, testInfo) => {
  const article = commentableArticle(siteDb, 4);
  const url = `/articles/${article.slug}`;
  const parentName = `Nadia Noscript ${Date.now()}`;
  const parentId = insertApprovedComment(siteDb, article, {
    name: parentName,
    email: uniqueEmail('nojs-parent'),
    body: 'Is the data published as open data?',
  });
  const email = uniqueEmail('nojs-replier');

  const { context } = await readerContext(browser, testInfo, { javaScriptEnabled: false });
  const page = await context.newPage();
  await eventually(page, url, async () => {
    await expect(commentWith(page, 'published as open data')).toBeVisible({ timeout: 500 });
  });
  await commentWith(page, 'published as open data')
    .getByRole('link', { name: `Reply to ${parentName}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`${url}/reply/${parentId}#respond$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Reply to ${parentName}`);
  await expect(page.getByRole('article')).toContainText('published as open data');

  const form = new CommentForm(page, { javaScript: false });
  await form.open(page.url());
  await expect(form.form).toContainText(`Replying to ${parentName}.`);
  // Without scripts, "Cancel reply" is a way back to the article's own form.
  await expect(form.form.getByRole('link', { name: 'Cancel reply' })).toHaveAttribute('href', `${url}#respond`);
  await form.send({ name: 'Quiet Replier', email, body: 'Yes, monthly, on the data portal.' });
  expect(new URL(page.url()).pathname).toBe(`${url}/comment-received`);
  await expect(page.getByRole('main').getByText(SUCCESS_MESSAGE)).toBeVisible();
  expect(await storedComment(siteDb, email)).toMatchObject({ parentId, depth: 2, status: 'pending' });

  // A reply page for a comment that is not public is not found.
  const pending = commentsBy(siteDb, email)[0]!;
  expect((await context.request.get(`${url}/reply/${pending.id}`)).status()).toBe(404);
  await context.close();
});

test('the XSS corpus is shown as literal text, and no script ever runs', async ({ browser, siteDb, settings }, testInfo) => {
  const article = commentableArticle(siteDb, 5);
  const url = `/articles/${article.slug}`;
  const dialogs: string[] = [];
  const markupEmail = uniqueEmail('xss-markup');
  const bidiEmail = uniqueEmail('xss-bidi');
  const markupName = '"><svg onload=alert(1)>';
  const markupBody = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "'-alert(1)-'"].join('\n');
  const bidiName = 'Mallory \u202Egnp.exe';
  const bidiBody = 'See the attached invoice_\u202Efdp.exe please';

  const { context: author } = await readerContext(browser, testInfo);
  const page = await author.newPage();
  watchDialogs(page, dialogs);
  const form = new CommentForm(page);
  await form.open(url);

  // A javascript: website is refused on its field, and nothing else is lost.
  await form.send({ name: markupName, email: markupEmail, website: 'javascript:alert(1)', body: markupBody });
  await form.expectFieldError(form.website, 'Website must be a web address starting with http:// or https://');
  await expect(form.website).toHaveValue('javascript:alert(1)');
  await expect(form.body).toHaveValue(markupBody);
  await expect(form.name).toHaveValue(markupName);

  await form.website.fill('');
  await form.post();
  await expect(form.status).toHaveText(SUCCESS_MESSAGE);
  // The second comment comes from another address, so it is not a flood.
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': uniqueClientIp(testInfo.parallelIndex) });
  await form.send({ name: bidiName, email: bidiEmail, body: bidiBody });
  await expect(form.status).toHaveText(SUCCESS_MESSAGE);

  // The author's own preview shows the text as typed.
  await expect(commentWith(page, '<script>alert(1)</script>')).toContainText(AWAITING_NOTE);
  const ids = [(await storedComment(siteDb, markupEmail)).id, (await storedComment(siteDb, bidiEmail)).id];
  await moderate(settings, 'approve', ids);

  const { context: anonymous } = await readerContext(browser, testInfo);
  const reader = await anonymous.newPage();
  watchDialogs(reader, dialogs);
  await eventually(reader, url, async () => {
    await expect(commentWith(reader, 'attached invoice')).toBeVisible({ timeout: 500 });
    await expect(commentWith(reader, '<script>alert(1)</script>')).toBeVisible({ timeout: 500 });
  });
  const markup = commentWith(reader, '<script>alert(1)</script>');
  // The text is one paragraph (four lines), straight in the comment's <article>.
  await expect(markup.locator(':scope > p')).toHaveText(markupBody.replace(/\n/g, ''));
  await expect(markup.locator('header > strong')).toHaveText(markupName);
  await expect(markup.locator('script, img, svg, iframe, [onerror], [onload]')).toHaveCount(0);
  await expect(reader.locator('#comments img, #comments svg, #comments script')).toHaveCount(0);
  expect(await markup.locator(':scope > p br').count()).toBe(3);

  // Right-to-left overrides stay inside an isolate: they cannot reorder the text around them.
  const bidi = commentWith(reader, 'attached invoice');
  await expect(bidi.locator('header > strong bdi')).toHaveText(bidiName);
  await expect(bidi.locator(':scope > p bdi').filter({ hasText: 'fdp.exe' })).toHaveText(bidiBody);
  await expect(bidi.locator(':scope > p')).toHaveAttribute('dir', 'auto');

  // Give any injected handler time to fire, then check none did.
  await reader.waitForTimeout(1_000);
  expect(dialogs).toEqual([]);
  await author.close();
  await anonymous.close();
});

test('a second comment within 15 s is refused as too quick; the same comment sent again is stored once', async ({
  browser,
  siteDb,
}, testInfo) => {
  const article = commentableArticle(siteDb, 6);
  const firstEmail = uniqueEmail('flood-a');
  const secondEmail = uniqueEmail('flood-b');
  const body = `First thought, typed once ${Date.now()}.`;

  const { context } = await readerContext(browser, testInfo);
  const page = await context.newPage();
  const form = new CommentForm(page);
  await form.open(`/articles/${article.slug}`);
  await form.send({ name: 'Quick Reader', email: firstEmail, body });
  await expect(form.status).toHaveText(SUCCESS_MESSAGE);

  // Same IP, another email, a few seconds later.
  await form.send({ name: 'Quick Reader', email: secondEmail, body: 'And another thing!' });
  // The answer says how long to wait (the window is 15 s; a few have passed).
  await expect(form.status).toHaveText(/^You are posting comments too quickly\. Please wait 1?\d seconds?, then post it again\.$/);
  await expect(form.body).toHaveValue('And another thing!');
  await expect(form.email).toHaveValue(secondEmail);
  expect(commentsBy(siteDb, secondEmail)).toEqual([]);

  // The first comment again from the same reader (a second click, a reload): the usual answer,
  // stored once. (Duplicates are told by what this reader sent, never by the email typed.)
  await form.send({ name: 'Quick Reader', email: firstEmail, body });
  await expect(form.status).toHaveText(SUCCESS_MESSAGE);
  expect(commentsBy(siteDb, firstEmail)).toHaveLength(1);
  await context.close();
});

test('an article with comments closed says so and has no form', async ({ page, request, siteDb }) => {
  const article = closedArticle(siteDb);
  await page.goto(`/articles/${article.slug}`);
  await expect(page.locator('#comments')).toContainText('Comments are closed on this article.');
  await expect(page.getByRole('button', { name: 'Post comment' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Comment', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Leave a reply' })).toHaveCount(0);
  await expect(page.locator('#comments').getByRole('link', { name: /^Reply/ })).toHaveCount(0);

  // Nor is there a reply page for any of its comments, such as one approved before comments closed.
  const { id: earlier } = siteDb
    .insert(comments)
    .values({
      articleId: article.id,
      authorName: 'Earlier Reader',
      authorEmail: uniqueEmail('before-closing'),
      body: `Said before comments closed ${Date.now()}.`,
      status: 'approved',
    })
    .returning({ id: comments.id })
    .get();
  expect((await request.get(`/articles/${article.slug}/reply/${earlier}`)).status()).toBe(404);
});

test('threads come 50 to a page, oldest first, with the count on the article and in its section', async ({ page, siteDb }) => {
  const article = commentableArticle(siteDb, 7);
  const url = `/articles/${article.slug}`;
  const section = siteDb
    .select({ slug: sections.slug })
    .from(sections)
    .innerJoin(articles, eq(articles.sectionId, sections.id))
    .where(eq(articles.id, article.id))
    .get()!.slug;
  const topLevelBefore = approvedCount(siteDb, article.id, { topLevel: true });
  const stamp = Date.now().toString(36);
  const now = Date.now();
  siteDb
    .insert(comments)
    .values(
      Array.from({ length: 51 }, (_, k) => {
        const i = k + 1;
        const at = new Date(now - (52 - i) * 1_000);
        return {
          articleId: article.id,
          depth: 1,
          authorName: `Reader ${i}`,
          authorEmail: uniqueEmail(`page-${i}`),
          body: `Comment number ${i} of batch ${stamp}.`,
          status: 'approved' as const,
          createdAt: at,
          updatedAt: at,
        };
      }),
    )
    .run();
  invalidateTags(siteDb, [`article:${article.slug}`, 'comment-counts']);
  const total = approvedCount(siteDb, article.id);
  const roots = topLevelBefore + 51;
  const onSecondPage = roots - 50;

  await eventually(page, url, async () => {
    await expect(page.locator('#comments-heading')).toHaveText(`${total} comments`, { timeout: 500 });
  });
  await expect(page.locator('.article__meta').getByRole('link', { name: `${total} comments` })).toHaveAttribute('href', '#comments');
  await expect(page.locator('#comments ol.comment-list > li')).toHaveCount(50);
  const pages = page.getByRole('navigation', { name: 'Comment pages' });
  await expect(pages).toContainText('Comments page 1 of 2');
  // Oldest first: the last of the batch is on page 2, the first is here unless older threads fill page 1.
  await expect(page.getByText(`Comment number 51 of batch ${stamp}.`)).toHaveCount(0);
  await pages.getByRole('link', { name: 'Later comments →' }).click();
  await expect(page).toHaveURL(`${url}/comments/2`);
  await expect(page.locator('#comments ol.comment-list > li')).toHaveCount(onSecondPage);
  await expect(page.getByText(`Comment number 51 of batch ${stamp}.`)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Comment pages' })).toContainText('Comments page 2 of 2');
  expect((await page.request.get(`${url}/comments/3`)).status()).toBe(404);

  // The section's listing shows the count, linked to the comments.
  await eventually(page, `/section/${section}`, async () => {
    await expect(page.getByRole('main').getByRole('link', { name: `${total} comments` })).toHaveAttribute('href', `${url}#comments`, {
      timeout: 500,
    });
  });
});

test('long words, URLs and names in a deep thread fit a 320 px screen', async ({ browser, siteDb }) => {
  const article = commentableArticle(siteDb, 12);
  const url = `/articles/${article.slug}`;
  const run = Date.now().toString(36);
  const longName = `Bartholomew${'x'.repeat(68)}`;
  const level1 = insertApprovedComment(siteDb, article, {
    name: longName,
    email: uniqueEmail('wide1'),
    body: `Wide ${run} ${'a'.repeat(300)}`,
  });
  const level2 = insertApprovedComment(siteDb, article, {
    name: longName,
    email: uniqueEmail('wide2'),
    body: `https://example.org/${'path/'.repeat(30)}?q=${'b'.repeat(80)}`,
    parentId: level1,
    depth: 2,
  });
  insertApprovedComment(siteDb, article, {
    name: longName,
    email: uniqueEmail('wide3'),
    body: `Deepest ${run} ${'c'.repeat(200)}`,
    parentId: level2,
    depth: 3,
  });

  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await eventually(page, url, async () => {
    await expect(commentWith(page, `Deepest ${run}`)).toBeVisible({ timeout: 500 });
  });
  const overflow = await horizontalOverflow(page, '#comments');
  expect(overflow.wide, 'comment elements wider than the screen').toEqual([]);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
  await context.close();
});

test('correcting a field straight after an error is not taken for a bot', async ({ browser, siteDb }, testInfo) => {
  const article = commentableArticle(siteDb, 13);
  const email = uniqueEmail('quick-fixer');
  const { context } = await readerContext(browser, testInfo);
  const page = await context.newPage();
  const form = new CommentForm(page);
  await form.open(`/articles/${article.slug}`);

  // The name is forgotten; it is typed in and the form sent again at once.
  await form.send({ name: '', email, body: 'I forgot my name the first time.' });
  await form.expectFieldError(form.name, 'Please enter your name.');
  await form.name.fill('Quick Fixer');
  await form.submit.click();
  await expect(form.status).toHaveText(SUCCESS_MESSAGE);

  // The form was shown long before: this is a person, and the comment waits for a moderator.
  const stored = await storedComment(siteDb, email);
  expect(stored.status).toBe('pending');
  expect(stored.heldReasons).toEqual([]);
  await context.close();
});
