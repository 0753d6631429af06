import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { cachePurges } from '../db/schema';
import { startAppServer, type AppServer } from '../test/support/app-server';
import { freePort } from '../test/support/ports';
import { addStaffMember, createSession, SESSION_COOKIE } from '../test/support/site-data';
import { openSiteDb, type SiteDb } from '../test/support/site-db';
import { startVarnish, varnishdPath, type Varnish } from '../test/support/varnish';
import { insertArticle, insertComment, uniqueTag } from './support/admin-data';
import { E2E_TMP, e2eSettings, siteServerEnv } from './support/env';
import { expect, test } from './support/fixtures';
import { editorFields, editorMessage } from './support/newsroom';
import { listPublished } from './support/site-content';
import type { Browser } from '@playwright/test';

// The shipped Varnish tier (deploy/varnish/ledger.vcl) in front of a server of the app, as
// deploy/README.md lays it out: readers share cached pages whatever cookies they carry, the
// dashboard goes straight through, the site's purge queue purges what an approval or a publication
// changed, and readers still get pages while the Node processes are down.

const SECRET = 'e2e-purge-secret-0123456789';

/** A browser context of a staff member, signed in through a database session on `siteUrl`. */
async function staffContext(browser: Browser, db: SiteDb, siteUrl: string, role: 'moderator' | 'editor' | 'admin') {
  const userId = addStaffMember(db, `${uniqueTag(`varnish-${role}`)}@ledger.example`, role);
  const context = await browser.newContext({ baseURL: siteUrl });
  await context.addCookies([{ name: SESSION_COOKIE, value: createSession(db, userId), url: siteUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers, signal: AbortSignal.timeout(10_000) });

test('through the shipped Varnish: shared pages whatever the cookies, purges on approval and publication, pages while the site is down', async ({
  browser,
}) => {
  test.skip(!varnishdPath() && !process.env.CI, 'Varnish is not installed here (apt-get install varnish varnish-modules); CI installs it');
  test.setTimeout(240_000);
  const dir = path.join(E2E_TMP, `varnish-${Date.now().toString(36)}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const originPort = await freePort();
  const cachePort = await freePort();
  const siteUrl = `http://localhost:${cachePort}`;
  const settings = { ...e2eSettings(), databasePath: path.join(dir, 'site.db'), port: originPort, siteUrl };
  let server: AppServer | null = null;
  let varnish: Varnish | null = null;
  let db: SiteDb | null = null;
  try {
    server = await startAppServer({
      databasePath: settings.databasePath,
      logPath: path.join(dir, 'server.log'),
      port: originPort,
      env: {
        ...siteServerEnv(settings),
        CACHE_PURGE_URLS: `http://127.0.0.1:${cachePort}/`,
        CACHE_PURGE_SECRET: SECRET,
      },
    });
    varnish = await startVarnish({ secret: SECRET, originPort, port: cachePort });
    db = openSiteDb(settings.databasePath);
    const article = listPublished(db)[0]!;
    const articleUrl = `${siteUrl}/articles/${article.slug}`;

    await test.step('a reader with cookies gets the page from the cache; the dashboard is never cached', async () => {
      const first = await get(articleUrl, { Cookie: 'authjs.session-token=stale; _ga=GA1.2.3' });
      const second = await get(articleUrl, { Cookie: 'theme=dark' });
      const third = await get(articleUrl);
      expect(first.status).toBe(200);
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(third.headers.get('x-cache')).toBe('HIT');
      const [a, b, c] = await Promise.all([first.text(), second.text(), third.text()]);
      expect(b).toBe(a);
      expect(c).toBe(a);
      expect(second.headers.get('set-cookie')).toBeNull();
      expect(second.headers.get('cache-control')).toMatch(
        /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/,
      );
      expect(second.headers.get('surrogate-key')?.split(' ')).toContain(`article:${article.slug}`);
      // The tags Varnish reads stay between Varnish and the site.
      expect(second.headers.get('xkey')).toBeNull();

      for (let i = 0; i < 2; i++) {
        const admin = await get(`${siteUrl}/admin/sign-in`);
        expect(admin.headers.get('x-cache')).toBe('MISS');
        expect(admin.headers.get('cache-control')).toMatch(/no-store/);
      }
    });

    await test.step('a moderator approves a comment: readers behind Varnish see it', async () => {
      const text = `Read through the cache ${uniqueTag('varnish')}`;
      const id = insertComment(db!, {
        articleId: article.id,
        authorName: 'Cached Reader',
        authorEmail: 'cached-reader@example.org',
        body: text,
        status: 'pending',
      });
      await get(articleUrl);
      const cached = await get(articleUrl);
      expect(cached.headers.get('x-cache')).toBe('HIT');
      expect(await cached.text()).not.toContain(text);

      const context = await staffContext(browser, db!, siteUrl, 'moderator');
      const page = await context.newPage();
      await page.goto('/admin/comments');
      const row = page
        .locator('tr[data-comment-row]')
        .filter({ has: page.getByRole('checkbox', { name: new RegExp(`^Select comment ${id} by`) }) });
      await row.getByRole('button', { name: 'Approve' }).click();
      await expect(page.getByRole('main').locator('.flash').getByRole('status')).toHaveText('Approved: 1 comment.');
      const approvedAt = Date.now();
      await expect.poll(async () => (await get(articleUrl)).text(), { timeout: 10_000, intervals: [100] }).toContain(text);
      test.info().annotations.push({ type: 'approval to readers behind Varnish', description: `${Date.now() - approvedAt} ms` });
      // Every purge the approval owed was confirmed by Varnish and left the queue.
      await expect.poll(() => db!.select({ n: count() }).from(cachePurges).get()!.n, { timeout: 15_000 }).toBe(0);
      await context.close();
    });

    await test.step('an editor publishes an article: the front page behind Varnish lists it', async () => {
      const title = `Published behind the cache ${uniqueTag('varnish')}`;
      const id = insertArticle(db!, { slug: uniqueTag('behind-the-cache'), title });
      await get(`${siteUrl}/`);
      expect((await get(`${siteUrl}/`)).headers.get('x-cache')).toBe('HIT');

      const context = await staffContext(browser, db!, siteUrl, 'editor');
      const page = await context.newPage();
      await page.goto(`/admin/articles/${id}`);
      await editorFields(page).button('Publish').click();
      await expect(editorMessage(page)).toHaveText('Published. Readers can see it now.');
      await expect.poll(async () => (await get(`${siteUrl}/`)).text(), { timeout: 10_000, intervals: [100] }).toContain(title);
      await context.close();
    });

    await test.step('admins see the cache and that it owes no purge', async () => {
      await expect.poll(() => db!.select({ n: count() }).from(cachePurges).get()!.n, { timeout: 15_000 }).toBe(0);
      const context = await staffContext(browser, db!, siteUrl, 'admin');
      const page = await context.newPage();
      await page.goto('/admin');
      const caches = page.getByRole('region', { name: 'Shared caches' });
      const row = caches.getByRole('row', { name: new RegExp(`127\\.0\\.0\\.1:${cachePort}`) });
      await expect(row.getByRole('cell').first()).toHaveText('none');
      await expect(caches.getByRole('alert')).toHaveCount(0);
      await context.close();
    });

    await test.step('with every Node process killed, readers still get pages and staff a clear error', async () => {
      const before = await (await get(articleUrl)).text();
      server!.kill('SIGKILL');
      await server!.exited;
      // Varnish's health probe notices within a few seconds; until then a miss fails as it would anyway.
      await expect.poll(async () => (await get(`${siteUrl}/api/health`)).status, { timeout: 15_000 }).toBe(503);

      const cached = await get(articleUrl, { Cookie: 'theme=dark' });
      expect(cached.status).toBe(200);
      expect(await cached.text()).toBe(before);

      // Purged while the site is down: the page readers had is still what they get.
      const purge = await fetch(`${siteUrl}/`, {
        method: 'PURGE',
        headers: { 'xkey-purge': `article:${article.slug}`, 'X-Purge-Secret': SECRET },
      });
      expect(purge.status).toBe(200);
      const stale = await get(articleUrl);
      expect(stale.status).toBe(200);
      expect(await stale.text()).toBe(before);

      const context = await staffContext(browser, db!, siteUrl, 'moderator');
      const page = await context.newPage();
      const response = await page.goto('/admin/comments');
      expect(response?.status()).toBe(503);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('The site is not answering right now');
      await expect(page.getByText('If you were saving something, it may not have been saved')).toBeVisible();
      await context.close();
    });

    await test.step('purges need the secret', async () => {
      const refused = await fetch(`${siteUrl}/`, {
        method: 'PURGE',
        headers: { 'xkey-purge': `article:${article.slug}`, 'X-Purge-Secret': 'guess' },
      });
      expect(refused.status).toBe(403);
    });
  } finally {
    db?.$client.close();
    await varnish?.stop();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
