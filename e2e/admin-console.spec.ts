import type { Browser, Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { comments, moderationLog } from '../db/schema';
import { addStaffMember, createSession, SESSION_COOKIE } from '../test/support/site-data';
import type { SiteDb } from '../test/support/site-db';
import { commentsByEmail, commentStatus, insertComment, openArticle, roleOf, sessionCount, uniqueTag } from './support/admin-data';
import { expect, test } from './support/fixtures';

// The moderation console: a moderator's day. Each test makes its own comments (straight
// into the database, as the public form would store them) and acts on those only.

/** The page-wide status line that reports what the last action did. */
const flash = (page: Page) => page.getByRole('main').locator('.flash').getByRole('status');

/** The console row of one comment. */
const row = (page: Page, id: number) =>
  page.locator(`tr[data-comment-row]`).filter({ has: page.getByRole('checkbox', { name: new RegExp(`^Select comment ${id} by`) }) });

/** Opens the article as a reader with no cookies, reloading until `text` shows (or fails). */
async function expectPublicly(browser: Browser, slug: string, text: string, { visible = true } = {}) {
  const context = await browser.newContext();
  const reader = await context.newPage();
  await expect
    .poll(
      async () => {
        await reader.goto(`/articles/${slug}`);
        return reader.locator('ol.comment-list').getByText(text).count();
      },
      { timeout: 15_000, intervals: [250, 500, 1000] },
    )
    .toBe(visible ? 1 : 0);
  return { reader, close: () => context.close() };
}

function pendingComments(db: SiteDb, tag: string, n: number, articlePick: number) {
  const article = openArticle(db, articlePick);
  const ids = Array.from({ length: n }, (_, i) =>
    insertComment(db, {
      articleId: article.id,
      authorName: `Reader ${i + 1}`,
      authorEmail: `${tag}-${i + 1}@example.com`,
      body: `Comment ${i + 1} ${tag}`,
    }),
  );
  return { article, ids };
}

test('a pending comment, approved, appears on the article for an anonymous reader', async ({
  staffPage: page,
  browser,
  siteDb,
  moderator,
}) => {
  const tag = uniqueTag('approve');
  const { article, ids } = pendingComments(siteDb, tag, 1, 1);
  const id = ids[0]!;

  await page.goto('/admin/comments');
  const tabs = page.getByRole('navigation', { name: 'Comment status' });
  await expect(tabs.getByRole('link', { name: /^Pending \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
  const mine = row(page, id);
  // What a moderator needs to judge it: the article, name, private email and the text.
  await expect(mine).toContainText(article.title);
  await expect(mine).toContainText('Reader 1');
  await expect(mine.getByRole('link', { name: `${tag}-1@example.com` })).toBeVisible();
  await expect(mine).toContainText(`Comment 1 ${tag}`);

  // Not public yet.
  const before = await expectPublicly(browser, article.slug, tag, { visible: false });
  await before.close();

  await mine.getByRole('button', { name: 'Approve' }).click();
  await expect(flash(page)).toHaveText('Approved: 1 comment.');
  await expect(mine).toHaveCount(0);
  expect(commentStatus(siteDb, id)).toBe('approved');
  const log = siteDb
    .select({ actor: moderationLog.actor, action: moderationLog.action })
    .from(moderationLog)
    .where(eq(moderationLog.commentIds, [id]))
    .all();
  expect(log).toEqual([{ actor: moderator.email, action: 'approve' }]);

  const after = await expectPublicly(browser, article.slug, `Comment 1 ${tag}`);
  await after.close();
});

test('bulk spam: select several comments and mark them all as spam', async ({ staffPage: page, siteDb }) => {
  const tag = uniqueTag('bulk');
  const { ids } = pendingComments(siteDb, tag, 3, 2);
  const [first, second, third] = ids as [number, number, number];

  await page.goto('/admin/comments?status=pending');
  await row(page, first).getByRole('checkbox').check();
  await row(page, third).getByRole('checkbox').check();
  await page.getByRole('form', { name: 'Bulk actions' }).getByRole('button', { name: 'Spam' }).click();
  await expect(flash(page)).toHaveText('Marked as spam: 2 comments.');

  expect([first, second, third].map((id) => commentStatus(siteDb, id))).toEqual(['spam', 'pending', 'spam']);
  await expect(row(page, first)).toHaveCount(0);
  await expect(row(page, second)).toBeVisible();

  await page.getByRole('navigation', { name: 'Comment status' }).getByRole('link', { name: /^Spam/ }).click();
  await expect(page).toHaveURL('/admin/comments?status=spam');
  await expect(row(page, first)).toBeVisible();
  await expect(row(page, third)).toBeVisible();
});

test('keyboard: j moves to a comment, a approves it, the next comment is focused, and z undoes it', async ({ staffPage: page, siteDb }) => {
  const tag = uniqueTag('keys');
  const { ids } = pendingComments(siteDb, tag, 3, 3);

  await page.goto('/admin/comments');
  await expect(page.getByRole('complementary', { name: 'Keyboard shortcuts' })).toContainText('a approve');
  await expect(page.getByRole('complementary', { name: 'Keyboard shortcuts' })).toContainText('z undo');
  // Other workers may add comments meanwhile; the page is fixed once loaded, so find this test's
  // comments in it and press j until the first of them.
  const order = await page
    .locator('tr[data-comment-row]')
    .evaluateAll((rows) => rows.map((r) => Number(/^Comment (\d+) by/.exec(r.getAttribute('aria-label') ?? '')?.[1])));
  const mine = order.filter((id) => ids.includes(id));
  expect(mine).toHaveLength(3);
  const [id, next] = mine as [number, number];
  for (let i = 0; i <= order.indexOf(id); i++) await page.keyboard.press('j');
  await expect(row(page, id)).toHaveAttribute('data-active', 'true');
  await expect(row(page, id)).toBeFocused();

  await page.keyboard.press('a');
  await expect(flash(page)).toHaveText('Approved: 1 comment.');
  expect(commentStatus(siteDb, id)).toBe('approved');
  // The row leaves the pending list; the comment that took its place is selected and focused.
  await expect(row(page, id)).toHaveCount(0);
  await expect(row(page, next)).toBeFocused();
  await expect(row(page, next)).toHaveAttribute('data-active', 'true');

  // Undo, by key: the comment is pending again and back in the list.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.keyboard.press('z');
  await expect(flash(page)).toHaveText('Undone: 1 comment back where it was.');
  expect(commentStatus(siteDb, id)).toBe('pending');
  await expect(row(page, id)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  const log = siteDb.select().from(moderationLog).where(eq(moderationLog.action, 'undo-approve')).all();
  expect(log.some((entry) => entry.commentIds.includes(id))).toBe(true);

  // Undo by button, after a spam: the comment goes back to pending.
  await row(page, next).getByRole('button', { name: 'Spam' }).click();
  await expect(flash(page)).toHaveText('Marked as spam: 1 comment.');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(flash(page)).toHaveText('Undone: 1 comment back where it was.');
  expect(commentStatus(siteDb, next)).toBe('pending');
});

test('a staff reply is published at once with a Staff badge', async ({ staffPage: page, browser, siteDb, moderator }) => {
  const tag = uniqueTag('reply');
  const article = openArticle(siteDb, 4);
  const email = `${tag}@example.com`;
  const parent = insertComment(siteDb, {
    articleId: article.id,
    authorName: 'Asker',
    authorEmail: email,
    body: `A question ${tag}`,
    status: 'approved',
  });

  // The commenter's history lists every comment by the address, with the same actions.
  await page.goto(`/admin/comments/history?email=${encodeURIComponent(email)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Comments by ${email}`);
  const mine = row(page, parent);
  await mine.getByText('Reply as staff').click();
  await mine.getByRole('textbox', { name: 'Reply' }).fill(`Thanks for asking ${tag}: we have updated the story.`);
  await mine.getByRole('button', { name: 'Publish reply' }).click();
  await expect(mine.getByText('Reply published.')).toBeVisible();

  const reply = siteDb
    .select({ id: comments.id, status: comments.status, isStaff: comments.isStaff, authorEmail: comments.authorEmail })
    .from(comments)
    .where(eq(comments.parentId, parent))
    .get();
  expect(reply).toMatchObject({ status: 'approved', isStaff: true, authorEmail: moderator.email });

  const { reader, close } = await expectPublicly(browser, article.slug, `Thanks for asking ${tag}`);
  const published = reader.locator(`article#comment-${reply!.id}`);
  await expect(published.locator('.badge')).toHaveText('Staff');
  // Replies sit under the comment they answer; the staff member's address is never shown.
  await expect(reader.locator(`article#comment-${parent}`)).toBeVisible();
  await expect(reader.locator('body')).not.toContainText(moderator.email);
  await close();
});

test('replying to a pending comment approves it too: readers never see an answer without its question', async ({
  staffPage: page,
  browser,
  siteDb,
}) => {
  const tag = uniqueTag('pending-reply');
  const article = openArticle(siteDb, 4);
  const email = `${tag}@example.com`;
  const parent = insertComment(siteDb, {
    articleId: article.id,
    authorName: 'Waiting',
    authorEmail: email,
    body: `Still pending ${tag}`,
    status: 'pending',
  });

  await page.goto(`/admin/comments/history?email=${encodeURIComponent(email)}`);
  const mine = row(page, parent);
  await expect(mine.getByText('Reply as staff')).toHaveCount(0);
  await mine.getByText('Approve and reply').click();
  await mine.getByRole('textbox', { name: 'Reply' }).fill(`An answer ${tag}`);
  await mine.getByRole('button', { name: 'Approve and publish reply' }).click();
  await expect(mine.getByText('Comment approved and reply published.')).toBeVisible();
  expect(commentStatus(siteDb, parent)).toBe('approved');

  const { reader, close } = await expectPublicly(browser, article.slug, `An answer ${tag}`);
  await expect(reader.locator(`article#comment-${parent}`)).toContainText(`Still pending ${tag}`);
  await close();
});

test('editing an approved comment changes the public page', async ({ staffPage: page, browser, siteDb }) => {
  const tag = uniqueTag('edit');
  const article = openArticle(siteDb, 5);
  const email = `${tag}@example.com`;
  const id = insertComment(siteDb, {
    articleId: article.id,
    authorName: 'Typo',
    authorEmail: email,
    body: `Teh original ${tag}`,
    status: 'approved',
  });

  await page.goto(`/admin/comments/history?email=${encodeURIComponent(email)}`);
  const mine = row(page, id);
  await mine.getByText('Edit', { exact: true }).click();
  await mine.getByRole('textbox', { name: 'Comment text' }).fill(`The corrected ${tag}`);
  await mine.getByRole('button', { name: 'Save' }).click();
  await expect(mine.getByText('Comment updated.')).toBeVisible();

  const { close } = await expectPublicly(browser, article.slug, `The corrected ${tag}`);
  await close();
});

test('a blocked email’s next comment goes straight to spam', async ({ staffPage: page, browser, siteDb }) => {
  const tag = uniqueTag('blocked');
  const email = `${tag}@example.com`;
  const article = openArticle(siteDb, 6);
  // A minute old: the form's flood rule refuses a second comment from one address within 15 s.
  const id = insertComment(siteDb, {
    articleId: article.id,
    authorName: 'Pest',
    authorEmail: email,
    body: `Buy now ${tag}`,
    createdAt: Date.now() - 60_000,
  });

  await page.goto(`/admin/comments/history?email=${encodeURIComponent(email)}`);
  await row(page, id).getByRole('button', { name: 'Block email' }).click();
  await expect(row(page, id).getByText(`Blocked “${email}”.`)).toBeVisible();
  await page.goto('/admin/blocklist');
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText('email');

  // The same address comments again through the public form.
  const context = await browser.newContext();
  const reader = await context.newPage();
  await reader.goto(`/articles/${article.slug}`);
  // The form refuses posts made within 3 seconds of showing it (a bot's speed).
  await reader.waitForTimeout(3_200);
  const form = reader.getByRole('form', { name: /Leave a reply/ });
  await form.getByRole('textbox', { name: 'Comment', exact: true }).fill(`Still selling ${tag}`);
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Pest');
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await form.getByRole('button', { name: 'Post comment' }).click();
  // The commenter is told what everyone is told.
  await expect(form.getByRole('status')).toHaveText('Thank you. Your comment is awaiting moderation.');
  await context.close();

  const stored = commentsByEmail(siteDb, email).find((c) => c.body === `Still selling ${tag}`);
  expect(stored).toMatchObject({ status: 'spam' });
  expect(stored!.heldReasons).toContain('blocked email address');

  await page.goto('/admin/comments?status=spam');
  const spam = row(page, stored!.id);
  await expect(spam).toContainText(`Still selling ${tag}`);
  await expect(spam).toContainText('Held: blocked email address');
});

test('every action is in the moderation log, which filters by who and what', async ({ staffPage: page, siteDb, moderator }) => {
  const tag = uniqueTag('log');
  const { ids } = pendingComments(siteDb, tag, 2, 7);
  await page.goto(`/admin/comments`);
  await row(page, ids[0]!).getByRole('button', { name: 'Trash' }).click();
  await expect(flash(page)).toHaveText('Moved to trash: 1 comment.');

  await page.goto('/admin/log');
  const filter = page.getByRole('form', { name: 'Filter the log' });
  await filter.getByLabel('Who').selectOption(moderator.email);
  await filter.getByLabel('Action').selectOption('trash');
  await filter.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/actor=.*&action=trash/);
  const entry = page.getByRole('row').filter({ hasText: `#${ids[0]}` });
  await expect(entry).toContainText(moderator.email);
  await expect(entry).toContainText('trash');
  // The entry links to the comment where it sits on the site.
  await expect(entry.getByRole('link', { name: `#${ids[0]}` })).toHaveAttribute(
    'href',
    new RegExp(`^/articles/[a-z0-9-]+#comment-${ids[0]}$`),
  );
  const actions = await page.getByRole('row').locator('td:nth-child(3)').allInnerTexts();
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.filter((action) => !/^trash/.test(action))).toEqual([]);
});

test('an admin adds and removes staff; removing someone ends their sessions; both are logged', async ({
  adminPage: page,
  browser,
  siteDb,
  settings,
  admin,
}) => {
  const added = `${uniqueTag('added')}@ledger.example`;
  await page.goto('/admin/staff');
  const form = page.getByRole('form', { name: 'Add a staff member' });
  await form.getByLabel('Email').fill(added);
  await form.getByLabel('Role').selectOption('moderator');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByText(`${added} is now a moderator.`)).toBeVisible();
  expect(roleOf(siteDb, added)).toBe('moderator');

  // A moderator who is signed in elsewhere…
  const leaving = `${uniqueTag('leaving')}@ledger.example`;
  const token = createSession(siteDb, addStaffMember(siteDb, leaving, 'moderator'));
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: settings.siteUrl }]);
  const theirs = await context.newPage();
  await theirs.goto('/admin');
  await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('Overview');

  // …is removed, and their next request finds them signed out.
  await page.reload();
  await page
    .getByRole('form', { name: `Remove ${leaving}` })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(page.getByRole('row').filter({ hasText: leaving })).toHaveCount(0);
  expect(roleOf(siteDb, leaving)).toBeNull();
  expect(sessionCount(siteDb, leaving)).toBe(0);
  await theirs.goto('/admin/comments');
  await expect(theirs).toHaveURL(/\/admin\/sign-in/);
  await context.close();

  // Both changes are in the log, with who made them.
  for (const [action, detail] of [
    ['staff-add', `${added} as moderator`],
    ['staff-remove', leaving],
  ] as const) {
    await page.goto(`/admin/log?action=${action}`);
    await expect(page.getByRole('row').filter({ hasText: detail })).toContainText(admin.email);
  }
});
