import { and, eq, like, ne, or, sql } from 'drizzle-orm';
import {
  articleAuthors,
  articleRevisions,
  articles,
  articleTags,
  authors,
  blocklist,
  comments,
  emailOutbox,
  moderationLog,
  newsletterIssues,
  sessions,
  sitePages,
  slugRedirects,
  subscribers,
  users,
} from '../db/schema';
import { issueVersion } from '../lib/newsletter/issue-version';
import { addStaffMember, createSession, sessionCookie } from '../test/support/site-data';
import type { SiteDb } from '../test/support/site-db';
import {
  insertArticle,
  insertBlock,
  insertComment,
  insertDraftIssue,
  insertFailedEmail,
  insertRevision,
  insertSubscriber,
  newsroomSeedChoices,
  openArticle,
  uniqueTag,
} from './support/admin-data';
import {
  allAdminActions,
  builtAction,
  builtActions,
  CACHED_READ_MODULES,
  consoleFiles,
  isCachedRead,
  PUBLIC_ACTION_MODULES,
  routeMethods,
} from './support/admin-surface';
import { canAccess, ROLE_WITH_ARTICLE } from '../lib/auth/roles';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { makePicture, mediaRowsNamed } from './support/pictures';
import { callServerAction, type ActionAnswer, type FormFields } from './support/server-actions';

// Every admin page, server action and route handler checks the session and role itself. The
// actions (from the build), pages and route handlers (from app/) are found, not listed
// (e2e/support/admin-surface.ts), so one added tomorrow is tested here without anyone remembering.

const FOREIGN_ORIGIN = 'https://evil.example';
// Every admin action is made by staffAction: (state before, form) → state after.
const ADMIN_ACTION_ARITY = 2;

// ---------------------------------------------------------------------------------------------
// Rows each action could change, made fresh for every test and tagged so a snapshot sees only them.

interface Fixtures {
  tag: string;
  commentId: number;
  blockId: number;
  subscriberId: number;
  failedEmailId: number;
  /** A moderator whom removeStaffAction would remove, with a live session. */
  staffEmail: string;
  /** A draft newsletter issue (subject holds the tag) and an article it may list. */
  issueId: number;
  articleId: number;
  /**
   * A published article at version 2 (title and slug hold the tag) with its version 1 kept as a
   * revision, for the newsroom's actions. Its publication date is years ahead, so no reader page
   * lists it (isLive needs a date that has come): other specs compare public pages with the
   * database while these tests run.
   */
  story: { id: number; slug: string; revisionId: number; sectionId: number; authorId: number };
  /** An author of the test's own (slug and name hold the tag), for the author profile action. */
  authorId: number;
  /** The version of the Contact page when the fixtures were made, for the site page action. */
  contactVersion: number;
}

/** The newsroom's fixture: see Fixtures.story. */
function createStory(db: SiteDb, tag: string): Fixtures['story'] {
  const slug = `story-${tag}`;
  const id = insertArticle(db, {
    title: `Story ${tag}`,
    slug,
    body: `The second text of the story ${tag}.`,
    status: 'published',
    publishedAt: new Date(Date.UTC(2099, 0, 1)),
    version: 2,
  });
  const revisionId = insertRevision(db, id, 1, { title: `Story ${tag} (first version)`, body: `The first text of the story ${tag}.` });
  const { section, authors } = newsroomSeedChoices(db);
  return { id, slug, revisionId, sectionId: section.id, authorId: authors[0].id };
}

function createFixtures(db: SiteDb, label: string): Fixtures {
  const tag = uniqueTag(label);
  const staffEmail = `staff-${tag}@ledger.example`;
  createSession(db, addStaffMember(db, staffEmail, 'moderator'));
  return {
    tag,
    commentId: insertComment(db, {
      articleId: openArticle(db, 8).id,
      authorName: 'Target',
      authorEmail: `c-${tag}@example.com`,
      body: `Target ${tag}`,
    }),
    blockId: insertBlock(db, 'word', `word-${tag}`),
    subscriberId: insertSubscriber(db, { email: `s-${tag}@example.com`, status: 'pending' }),
    failedEmailId: insertFailedEmail(db, `m-${tag}@example.com`),
    staffEmail,
    issueId: insertDraftIssue(db, `Issue ${tag}`, openArticle(db, 8).id),
    articleId: openArticle(db, 8).id,
    story: createStory(db, tag),
    authorId: db
      .insert(authors)
      .values({ slug: `author-${tag}`, name: `Author ${tag}` })
      .returning({ id: authors.id })
      .get().id,
    contactVersion: db.select({ version: sitePages.version }).from(sitePages).where(eq(sitePages.slug, 'contact')).get()?.version ?? 0,
  };
}

/** Everything tagged rows hold, plus any row an action would add about them. */
function snapshot(db: SiteDb, fx: Fixtures) {
  const tagged = `%${fx.tag}%`;
  return {
    comments: db
      .select()
      .from(comments)
      .where(
        or(
          eq(comments.id, fx.commentId),
          eq(comments.parentId, fx.commentId),
          like(comments.authorEmail, tagged),
          like(comments.body, tagged),
        ),
      )
      .orderBy(comments.id)
      .all(),
    log: db
      .select()
      .from(moderationLog)
      .where(
        or(
          like(moderationLog.detail, tagged),
          like(moderationLog.detail, `%#${fx.commentId}`),
          // The log names comments in a JSON array: the tagged comment, or a reply to it.
          sql`EXISTS (SELECT 1 FROM json_each(${moderationLog.commentIds}) j
                      WHERE j.value = ${fx.commentId} OR j.value IN (SELECT ${comments.id} FROM ${comments} WHERE ${comments.parentId} = ${fx.commentId}))`,
        ),
      )
      .orderBy(moderationLog.id)
      .all(),
    blocklist: db.select().from(blocklist).where(like(blocklist.value, tagged)).orderBy(blocklist.id).all(),
    subscribers: db.select().from(subscribers).where(like(subscribers.email, tagged)).orderBy(subscribers.id).all(),
    // Not the moderators' digest: the site sends it to every staff member (the tagged moderator
    // too) on its own schedule whenever comments are pending.
    outbox: db
      .select({
        id: emailOutbox.id,
        kind: emailOutbox.kind,
        recipient: emailOutbox.recipient,
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        nextAttemptAt: emailOutbox.nextAttemptAt,
        lastError: emailOutbox.lastError,
      })
      .from(emailOutbox)
      .where(and(or(like(emailOutbox.recipient, tagged), like(emailOutbox.subject, tagged)), ne(emailOutbox.kind, 'comments_digest')))
      .orderBy(emailOutbox.id)
      .all(),
    issues: db
      .select({
        id: newsletterIssues.id,
        subject: newsletterIssues.subject,
        intro: newsletterIssues.intro,
        status: newsletterIssues.status,
        sendStartedAt: newsletterIssues.sendStartedAt,
      })
      .from(newsletterIssues)
      .where(like(newsletterIssues.subject, tagged))
      .orderBy(newsletterIssues.id)
      .all(),
    users: db.select().from(users).where(like(users.email, tagged)).orderBy(users.email).all(),
    articles: db
      .select()
      .from(articles)
      .where(or(eq(articles.id, fx.story.id), like(articles.title, tagged)))
      .orderBy(articles.id)
      .all(),
    revisions: db.select().from(articleRevisions).where(eq(articleRevisions.articleId, fx.story.id)).orderBy(articleRevisions.id).all(),
    bylines: db.select().from(articleAuthors).where(eq(articleAuthors.articleId, fx.story.id)).orderBy(articleAuthors.position).all(),
    articleTags: db.select().from(articleTags).where(eq(articleTags.articleId, fx.story.id)).orderBy(articleTags.tagId).all(),
    slugRedirects: db.select().from(slugRedirects).where(eq(slugRedirects.articleId, fx.story.id)).orderBy(slugRedirects.slug).all(),
    media: mediaRowsNamed(db, fx.tag),
    authors: db.select().from(authors).where(eq(authors.id, fx.authorId)).all(),
    // Only once this test's own save has given it the tag: other tests save the same page.
    sitePages: db.select().from(sitePages).where(like(sitePages.title, tagged)).all(),
    sessions: db
      .select({ session: sessions })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(like(users.email, tagged))
      .orderBy(sessions.sessionToken)
      .all(),
  };
}

/**
 * Arguments that make each action really change the tagged rows (the last step of every test
 * checks that they do, so "nothing changed" means refused, not a payload that missed).
 */
const PAYLOADS: Record<string, (fx: Fixtures) => FormFields> = {
  moderateSelected: (fx) => ({ action: 'approve', ids: [String(fx.commentId)] }),
  // Undoing "not spam" on the pending comment puts it back to spam, where the offer says it was.
  undoModerationAction: (fx) => ({ action: 'not-spam', previous: JSON.stringify([{ id: fx.commentId, status: 'spam' }]) }),
  editComment: (fx) => ({ id: String(fx.commentId), body: `Rewritten ${fx.tag}` }),
  replyToComment: (fx) => ({ parentId: String(fx.commentId), body: `Staff reply ${fx.tag}` }),
  blockEntry: (fx) => ({ kind: 'email', value: `blocked-${fx.tag}@example.com` }),
  // Logged with the address, which carries the tag.
  setCommenterTrustAction: (fx) => ({ email: `c-${fx.tag}@example.com`, trust: 'trusted' }),
  unblockEntry: (fx) => ({ id: String(fx.blockId) }),
  deleteSubscriberAction: (fx) => ({ id: String(fx.subscriberId) }),
  // Erases the tagged comment's author: the comment goes.
  eraseAddressAction: (fx) => ({ email: `c-${fx.tag}@example.com`, confirm: 'yes' }),
  resendConfirmationAction: (fx) => ({ id: String(fx.subscriberId) }),
  retryEmailAction: (fx) => ({ id: String(fx.failedEmailId) }),
  addStaffAction: (fx) => ({ email: `added-${fx.tag}@ledger.example`, role: 'admin' }),
  removeStaffAction: (fx) => ({ email: fx.staffEmail }),
  saveIssueAction: (fx) => ({
    id: String(fx.issueId),
    subject: `Edited issue ${fx.tag}`,
    intro: 'Changed',
    articles: [String(fx.articleId)],
  }),
  sendTestIssueAction: (fx) => ({ id: String(fx.issueId) }),
  // The Update button of the editor, on the version the editor opened.
  saveArticleAction: (fx) => ({
    id: String(fx.story.id),
    version: '2',
    intent: 'update',
    title: `Story ${fx.tag}, updated`,
    summary: '',
    slug: fx.story.slug,
    sectionId: String(fx.story.sectionId),
    tags: '',
    authorIds: [String(fx.story.authorId)],
    body: `The third text of the story ${fx.tag}.`,
    imageId: '',
    imageAlt: '',
    imageCaption: '',
    imageCredit: '',
    correction: '',
    scheduleAt: '',
  }),
  saveAuthorAction: (fx) => ({ id: String(fx.authorId), name: `Author ${fx.tag}, renamed`, role: 'Reporter', bio: 'Writes.', photoId: '' }),
  // A page other specs read while this runs (site-pages checks every page is more than a heading).
  saveSitePageAction: (fx) => ({
    slug: 'contact',
    version: String(fx.contactVersion),
    title: `Contact ${fx.tag}`,
    body: 'Write to the newsroom at news@ledger.example, or by post to the address below. '.repeat(4),
  }),
  restoreRevisionAction: (fx) => ({ articleId: String(fx.story.id), revisionId: String(fx.story.revisionId), version: '2' }),
  // The version the admin previewed: the draft as insertDraftIssue made it.
  sendIssueAction: (fx) => ({
    id: String(fx.issueId),
    version: issueVersion({ subject: `Issue ${fx.tag}`, intro: '', articles: [{ id: fx.articleId }] }),
  }),
};

/** For an action nobody has written a payload for yet: every field the others use. */
const anyPayload = (fx: Fixtures): FormFields => Object.assign({}, ...Object.values(PAYLOADS).map((p) => p(fx)));

// ---------------------------------------------------------------------------------------------

const actions = allAdminActions();
const built = builtActions();

/** Real rows for the dynamic segments of dashboard URLs, so a request reaches the page's own answer. */
interface SegmentIds {
  articleId: number;
  issueId: number;
  authorId: number;
}

/** /admin/articles/[id]/revisions → /admin/articles/12/revisions; fails for a segment nobody taught it. */
function concreteUrl(pattern: string, ids: SegmentIds): string {
  const url = pattern
    .replace(/\/(articles|preview)\/\[id\]/g, `/$1/${ids.articleId}`)
    .replace(/\/newsletters\/\[id\]/g, `/newsletters/${ids.issueId}`)
    .replace(/\/authors\/\[id\]/g, `/authors/${ids.authorId}`)
    .replace(/\/pages\/\[slug\]/g, '/pages/about')
    // The export says which address it is for; without one it is a 400.
    .replace(/^\/admin\/privacy\/export$/, '/admin/privacy/export?email=callum.reid%40example.com');
  expect(url, `teach admin-access.spec.ts an id for ${pattern}`).not.toContain('[');
  return url;
}

/** An article and a newsletter issue of the test's own, for concreteUrl. */
function segmentIds(db: SiteDb): SegmentIds {
  const tag = uniqueTag('pages');
  return {
    articleId: insertArticle(db, { title: `Page check ${tag}`, slug: `page-check-${tag}` }),
    issueId: insertDraftIssue(db, `Page check ${tag}`, openArticle(db, 8).id),
    authorId: (db.$client.prepare('SELECT id FROM authors ORDER BY id LIMIT 1').get() as { id: number }).id,
  };
}

test('the enumeration finds the admin actions, and every server action in the build is either admin or known public', () => {
  expect(actions.length).toBeGreaterThanOrEqual(10);
  const adminFiles = new Set(actions.map((a) => a.file));
  expect(built.filter(isCachedRead).length, "the reader reads kept with 'use cache'").toBeGreaterThanOrEqual(10);
  for (const b of built) {
    if (isCachedRead(b)) {
      expect(CACHED_READ_MODULES, `${b.file}: a 'use cache' read outside the public read modules`).toContain(b.file);
      continue;
    }
    expect(
      adminFiles.has(b.file) || PUBLIC_ACTION_MODULES.includes(b.file),
      `${b.file}#${b.name}: an admin action belongs in an admin-actions.ts file`,
    ).toBe(true);
  }
  for (const a of actions) builtAction(a.file, a.name);
});

test('a moderator cannot reach the pages of other roles', async ({ staffPage: page, siteDb }) => {
  const ids = segmentIds(siteDb);
  await page.goto('/admin');
  await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Staff' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Articles' })).toHaveCount(0);
  for (const { url: pattern } of consoleFiles('page').filter((p) => !canAccess('moderator', p.access))) {
    const url = concreteUrl(pattern, ids);
    await page.goto(url);
    await expect(page, url).toHaveURL('/admin/forbidden');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not part of your role');
  }
  expect(
    consoleFiles('page')
      .filter((p) => !canAccess('moderator', p.access))
      .map((p) => p.url),
  ).toEqual(
    expect.arrayContaining([
      '/admin/staff',
      '/admin/articles',
      '/admin/articles/new',
      '/admin/articles/[id]',
      '/admin/articles/[id]/revisions',
      '/admin/media',
      '/admin/preview/[id]',
      '/admin/authors/[id]',
      '/admin/pages/[slug]',
    ]),
  );
});

test('an editor cannot reach the moderation or staff pages', async ({ editorPage: page, siteDb }) => {
  const ids = segmentIds(siteDb);
  await page.goto('/admin');
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  await expect(nav.getByRole('link', { name: 'Articles' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Comments' })).toHaveCount(0);
  const notTheirs = consoleFiles('page').filter((p) => !canAccess('editor', p.access));
  expect(notTheirs.map((p) => p.url)).toEqual(expect.arrayContaining(['/admin/comments', '/admin/staff']));
  for (const { url: pattern } of notTheirs) {
    const url = concreteUrl(pattern, ids);
    await page.goto(url);
    await expect(page, url).toHaveURL('/admin/forbidden');
  }
});

for (const action of actions) {
  const refusedRoles = (['moderator', 'editor'] as const).filter((role) => !canAccess(role, action.access));
  test(`${action.file} ${action.name}: refused without a staff session${refusedRoles.map((r) => `, to ${ROLE_WITH_ARTICLE[r]}`).join('')} and from a foreign Origin; nothing changes`, async ({
    siteDb,
    settings,
    moderator,
    editor,
    admin,
  }) => {
    const target = builtAction(action.file, action.name);
    const payload = PAYLOADS[action.name] ?? anyPayload;
    const fx = createFixtures(siteDb, 'acl');
    // Sessions that are not a staff member's: expired (made for a user outside the snapshot,
    // since Auth.js deletes an expired session when it sees one), and a removed member's.
    const expired = createSession(siteDb, addStaffMember(siteDb, `${uniqueTag('expired')}@ledger.example`, 'admin'), {
      expiresInMs: -60_000,
    });
    const removed = createSession(siteDb, addStaffMember(siteDb, `removed-${fx.tag}@ledger.example`, null));
    const before = snapshot(siteDb, fx);

    // A page of the action's own (the revisions page for restoreRevisionAction) opened on this test's rows.
    const pathFor = (f: Fixtures) => concreteUrl(target.path, { articleId: f.story.id, issueId: f.issueId, authorId: f.authorId });
    const call = (options: { cookie?: string; origin?: string; encoding?: 'fetch' | 'form' }) =>
      callServerAction({
        baseUrl: settings.siteUrl,
        path: pathFor(fx),
        id: target.id,
        arity: ADMIN_ACTION_ARITY,
        fields: payload(fx),
        ...options,
      });
    const toSignIn = (a: ActionAnswer) => expect(a.redirect ?? '', JSON.stringify(a).slice(0, 300)).toMatch(/^\/admin\/sign-in/);
    const refusedByNext = (a: ActionAnswer) => expect(a.status, a.body.slice(0, 300)).toBe(500);

    type Case = [string, () => Promise<ActionAnswer>, (a: ActionAnswer) => void];
    const members = { moderator, editor };
    const roleCases: Case[] = refusedRoles.map((role) => [
      `a ${role}'s session`,
      () => call({ cookie: sessionCookie(members[role].sessionToken) }),
      (a) => expect(a.redirect).toMatch(/^\/admin\/forbidden(;|$)/),
    ]);
    const cases: Case[] = [
      // The proxy's quick redirect: no cookie at all.
      ['no cookie', () => call({}), (a) => (expect(a.status).toBe(307), toSignIn(a))],
      // Past the proxy: the action's own requireStaff() must refuse.
      ['a cookie that names no session', () => call({ cookie: sessionCookie('no-such-session') }), toSignIn],
      ['an expired session', () => call({ cookie: sessionCookie(expired) }), toSignIn],
      ['the session of a removed staff member', () => call({ cookie: sessionCookie(removed) }), toSignIn],
      ['no cookie, as a plain form post', () => call({ encoding: 'form' }), (a) => expect(a.status).toBe(307)],
      [
        'a cookie that names no session, as a plain form post',
        () => call({ cookie: sessionCookie('no-such-session'), encoding: 'form' }),
        toSignIn,
      ],
      ...roleCases,
      // A signed-in admin's browser, made to post from another site: Next checks Origin.
      [
        'an admin session from a foreign Origin',
        () => call({ cookie: sessionCookie(admin.sessionToken), origin: FOREIGN_ORIGIN }),
        refusedByNext,
      ],
      ['an admin session from Origin null', () => call({ cookie: sessionCookie(admin.sessionToken), origin: 'null' }), refusedByNext],
      [
        'an admin session from a foreign Origin, as a plain form post',
        () => call({ cookie: sessionCookie(admin.sessionToken), origin: FOREIGN_ORIGIN, encoding: 'form' }),
        refusedByNext,
      ],
    ];

    for (const [name, send, refused] of cases) {
      await test.step(name, async () => {
        const answer = await send();
        refused(answer);
        expect(snapshot(siteDb, fx), `${action.name} with ${name} changed data`).toEqual(before);
      });
    }

    // The same calls from an admin on this site do change things: the payloads are not duds.
    expect(PAYLOADS[action.name], `write a payload for ${action.name} in PAYLOADS (e2e/admin-access.spec.ts)`).toBeDefined();
    await test.step('an admin on this site (fetch)', async () => {
      const answer = await call({ cookie: sessionCookie(admin.sessionToken) });
      expect(answer.status).toBe(200);
      expect(answer.redirect).toBeNull();
      expect(snapshot(siteDb, fx)).not.toEqual(before);
    });
    await test.step('an admin on this site (plain form post)', async () => {
      const fresh = createFixtures(siteDb, 'acl-form');
      const untouched = snapshot(siteDb, fresh);
      const answer = await callServerAction({
        baseUrl: settings.siteUrl,
        path: pathFor(fresh),
        id: target.id,
        arity: ADMIN_ACTION_ARITY,
        fields: payload(fresh),
        cookie: sessionCookie(admin.sessionToken),
        encoding: 'form',
      });
      expect([200, 303]).toContain(answer.status);
      expect(snapshot(siteDb, fresh)).not.toEqual(untouched);
    });
  });
}

test('every dashboard page refuses a request without a staff session', async ({ request, moderator, siteDb }) => {
  const pages = consoleFiles('page');
  expect(pages.map((p) => p.url)).toEqual(
    expect.arrayContaining(['/admin', '/admin/comments', '/admin/subscribers', '/admin/staff', '/admin/preview/[id]']),
  );
  const ids = segmentIds(siteDb);
  for (const { url: pattern, access } of pages) {
    const url = concreteUrl(pattern, ids);
    const anonymous = await request.get(url, { maxRedirects: 0, headers: { Cookie: '' } });
    expect(anonymous.status(), `${url} without a cookie`).toBe(307);
    expect(anonymous.headers().location, url).toMatch(/^\/admin\/sign-in\?callbackUrl=/);

    const stale = await request.get(url, { maxRedirects: 0, headers: { Cookie: sessionCookie('no-such-session') } });
    expect(stale.status(), `${url} with a cookie that names no session`).toBe(307);
    expect(stale.headers().location, url).toBe('/admin/sign-in');

    const asModerator = await request.get(url, { maxRedirects: 0, headers: { Cookie: sessionCookie(moderator.sessionToken) } });
    if (!canAccess('moderator', access)) {
      expect(asModerator.status(), url).toBe(307);
      expect(asModerator.headers().location, url).toBe('/admin/forbidden');
    } else {
      expect(asModerator.status(), url).toBe(200);
    }
  }
});

/**
 * What a route handler's writing methods are sent, and the rows they would change: each refused
 * call must leave those rows alone, and the same request from an admin must change them.
 */
const ROUTE_WRITES: Record<
  string,
  { send: (tag: string) => Promise<Parameters<APIRequestContext['fetch']>[1]>; rows: (db: SiteDb, tag: string) => unknown[] }
> = {
  'POST /admin/media/upload': {
    send: async (tag) => ({
      multipart: { file: await makePicture(`upload-${tag}.png`, { width: 64, height: 48 }), alt: `Alt ${tag}`, credit: 'E2E' },
      headers: { Accept: 'application/json' },
    }),
    rows: (db, tag) => mediaRowsNamed(db, tag),
  },
};

test('every dashboard route handler answers 401 without a staff session', async ({ request, moderator, admin, siteDb, settings }) => {
  const routes = consoleFiles('route');
  expect(routes.map((r) => r.url)).toEqual(
    expect.arrayContaining(['/admin/subscribers/export', '/admin/media/upload', '/admin/media/library']),
  );
  // Dynamic segments get the id of a real row, so a staff request reaches the handler's answer.
  const ids = segmentIds(siteDb);
  for (const { url: pattern, source, access } of routes) {
    const url = concreteUrl(pattern, ids);
    const methods = routeMethods(source);
    expect(methods, `${pattern} exports no HTTP method this test can find`).not.toEqual([]);
    for (const method of methods) {
      const write = method === 'GET' ? null : ROUTE_WRITES[`${method} ${pattern}`];
      expect(method === 'GET' || write, `say in ROUTE_WRITES what ${method} ${pattern} is sent and changes`).toBeTruthy();
      const tag = uniqueTag('route');
      const body = await write?.send(tag);
      // From the site's own pages (Origin), so only the session decides.
      const send = (cookie: string) =>
        request.fetch(url, { ...body, method, maxRedirects: 0, headers: { ...body?.headers, Cookie: cookie, Origin: settings.siteUrl } });
      const untouched = write?.rows(siteDb, tag);
      const nothingChanged = (who: string) =>
        write && expect(write.rows(siteDb, tag), `${method} ${url} ${who} changed data`).toEqual(untouched);

      const anonymous = await send('');
      expect(anonymous.status(), `${method} ${url} without a cookie`).toBe(307);
      nothingChanged('without a cookie');
      const stale = await send(sessionCookie('no-such-session'));
      expect(stale.status(), `${method} ${url} with a cookie that names no session`).toBe(401);
      expect(await stale.text()).not.toContain('@');
      nothingChanged('with a cookie that names no session');
      const asModerator = await send(sessionCookie(moderator.sessionToken));
      if (method === 'GET')
        expect(asModerator.status(), `${method} ${url} as a moderator`).toBe(canAccess('moderator', access) ? 200 : 403);
      else if (!canAccess('moderator', access)) {
        expect(asModerator.status(), `${method} ${url} as a moderator`).toBe(403);
        nothingChanged('as a moderator');
      }
      // An admin's request is answered, and a write does write: the refusals above were not duds.
      const asAdmin = await send(sessionCookie(admin.sessionToken));
      expect(asAdmin.status(), `${method} ${url} as an admin`).toBeLessThan(300);
      if (write) expect(write.rows(siteDb, tag), `${method} ${url} as an admin`).not.toEqual(untouched);
    }
  }
});
