import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, type Locator, type Page } from '@playwright/test';
import { and, desc, eq, lte } from 'drizzle-orm';
import { articles, comments } from '../../db/schema';
import { ROOT } from '../../test/support/paths';
import type { SiteDb } from '../../test/support/site-db';
import type { E2ESettings } from './env';
import { listPublished } from './site-content';

// Helpers for the comment journeys: unique readers, the comment form, and moderation through the
// same command the moderators use (`npm run comments -- approve <id>`).

/** The form refuses a post under 3 s after its stamp was issued; wait a little longer. */
export const MIN_FILL_MS = 3_200;
export const SUCCESS_MESSAGE = 'Thank you. Your comment is awaiting moderation.';
export const AWAITING_NOTE = 'Your comment is awaiting moderation.';

/** A fresh address for every reader, so tests never trip each other's flood or duplicate rules. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.net`;
}

/** The comment specs take articles 0 to 13 of commentableArticles(); openArticle hands out the rest. */
export const COMMENT_SPEC_ARTICLES = 14;

/**
 * The n-th published article with comments open, leaving out the ones other specs read or change
 * (the three newest and the oldest). Give each test its own n, so no two tests share an article.
 */
export function commentableArticle(db: SiteDb, n: number): { id: number; slug: string; title: string } {
  const usable = commentableArticles(db);
  const article = usable[n];
  if (!article) throw new Error(`Only ${usable.length} articles take comments; asked for number ${n}`);
  return { id: article.id, slug: article.slug, title: article.title };
}

/** Published articles with comments open, newest first, without the three newest and the oldest. */
export function commentableArticles(db: SiteDb) {
  const published = listPublished(db);
  const reserved = new Set([...published.slice(0, 3), published.at(-1)].map((a) => a?.slug));
  const open = new Set(
    db
      .select({ slug: articles.slug })
      .from(articles)
      .where(eq(articles.commentsOpen, true))
      .all()
      .map((r) => r.slug),
  );
  return published.filter((a) => open.has(a.slug) && !reserved.has(a.slug));
}

export function closedArticle(db: SiteDb): { id: number; slug: string; title: string } {
  const row = db
    .select({ id: articles.id, slug: articles.slug, title: articles.title })
    .from(articles)
    .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date()), eq(articles.commentsOpen, false)))
    .orderBy(desc(articles.publishedAt))
    .limit(1)
    .get();
  if (!row) throw new Error('The seed has no article with comments closed');
  return row;
}

export function commentsBy(db: SiteDb, email: string) {
  return db
    .select({
      id: comments.id,
      status: comments.status,
      parentId: comments.parentId,
      depth: comments.depth,
      body: comments.body,
      heldReasons: comments.heldReasons,
    })
    .from(comments)
    .where(eq(comments.authorEmail, email.toLowerCase()))
    .orderBy(comments.id)
    .all();
}

export type StoredComment = ReturnType<typeof commentsBy>[number];

/** Waits for the one comment `email` posted and returns it. */
export async function storedComment(db: SiteDb, email: string): Promise<StoredComment> {
  await expect.poll(() => commentsBy(db, email).length, { message: `a comment from ${email} is stored` }).toBe(1);
  return commentsBy(db, email)[0]!;
}

const execFileAsync = promisify(execFile);

/** Runs `npm run comments -- <action> <ids…>` (the moderators' CLI) against the site's database. */
export async function moderate(settings: E2ESettings, action: 'approve' | 'unapprove' | 'spam' | 'trash', ids: number[]): Promise<string> {
  const { stdout } = await execFileAsync(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', 'scripts/comments.ts', action, ...ids.map(String)],
    { cwd: ROOT, env: { ...process.env, DATABASE_PATH: settings.databasePath, NODE_ENV: 'production' }, timeout: 60_000 },
  );
  expect(stdout).toContain(`${action}: #${ids.join(', #')}`);
  return stdout;
}

/** Reloads `page` until `check` passes: approval reaches readers once the cache tag is dropped. */
export async function eventually(page: Page, url: string, check: () => Promise<void>, timeout = 20_000): Promise<void> {
  await expect(async () => {
    await page.goto(url);
    await check();
  }).toPass({ timeout, intervals: [500, 1_000] });
}

export interface CommentFields {
  name?: string;
  email?: string;
  website?: string;
  body?: string;
}

/**
 * The comment form on a page. Knows when its signed stamp was issued and waits until a post would
 * not count as "too fast" before clicking.
 */
export class CommentForm {
  readonly form: Locator;
  readonly body: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly website: Locator;
  readonly submit: Locator;
  readonly status: Locator;
  private readonly javaScript: boolean;
  private stampAt = Date.now();

  constructor(
    readonly page: Page,
    { javaScript = true }: { javaScript?: boolean } = {},
  ) {
    this.form = page.locator('form.comment-form');
    this.body = this.form.getByRole('textbox', { name: 'Comment', exact: true });
    this.name = this.form.getByRole('textbox', { name: 'Name', exact: true });
    this.email = this.form.getByRole('textbox', { name: 'Email', exact: true });
    this.website = this.form.getByRole('textbox', { name: 'Website', exact: true });
    this.submit = this.form.getByRole('button', { name: /Post comment|Posting…/ });
    this.status = this.form.getByRole('status');
    this.javaScript = javaScript;
  }

  /** Opens `url` and notes when the form's stamp was issued (fetched fresh when scripts run). */
  async open(url: string): Promise<void> {
    if (this.javaScript) {
      const stamp = this.page.waitForResponse((r) => r.url().includes('/api/comments/stamp') && r.ok());
      await this.page.goto(url);
      await stamp;
    } else {
      await this.page.goto(url);
    }
    this.stampAt = Date.now();
  }

  async fill({ name = 'Test Reader', email, website = '', body }: CommentFields): Promise<void> {
    await this.body.fill(body ?? '');
    await this.name.fill(name);
    await this.email.fill(email ?? '');
    await this.website.fill(website);
  }

  /** Clicks "Post comment" once the stamp is old enough, then waits for the answer. */
  async post(): Promise<void> {
    const wait = this.stampAt + MIN_FILL_MS - Date.now();
    if (wait > 0) await this.page.waitForTimeout(wait);
    if (this.javaScript) {
      const answer = this.page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.request().headers()['next-action'] !== undefined,
      );
      await this.submit.click();
      await answer;
      // The answer carries a fresh stamp, issued when the server handled the post.
      this.stampAt = Date.now();
      await expect(this.submit).toHaveText('Post comment');
    } else {
      // Without scripts the browser POSTs the form and loads the page the server answers with:
      // the form again with errors, or, after a success, the page it is redirected to.
      const answer = this.page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
      await this.submit.click();
      const response = await answer;
      const location = response.status() === 303 ? response.headers()['location'] : undefined;
      // (A redirect keeps the fragment of the URL it came from, so compare paths.)
      if (location) {
        const target = new URL(location, response.url()).pathname;
        await this.page.waitForURL((u) => u.pathname === target);
      }
      await this.page.waitForLoadState('load');
      this.stampAt = Date.now();
    }
  }

  async send(fields: CommentFields): Promise<void> {
    await this.fill(fields);
    await this.post();
  }

  /** The error shown under one field (wired to it by aria-describedby). */
  async expectFieldError(field: Locator, message: string): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
  }
}

/** One comment in the thread (an <article> named by its author), found by a bit of its text. */
export function commentWith(page: Page, text: string): Locator {
  return page.locator('#comments').getByRole('article').filter({ hasText: text });
}
