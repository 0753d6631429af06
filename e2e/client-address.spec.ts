import fs from 'node:fs';
import path from 'node:path';
import { like } from 'drizzle-orm';
import { comments } from '../db/schema';
import { startAppServer, type AppServer } from '../test/support/app-server';
import { openSiteDb, type SiteDb } from '../test/support/site-db';
import { expect, test } from './support/fixtures';
import { CommentForm, commentableArticle, SUCCESS_MESSAGE, uniqueEmail } from './support/comments';
import { E2E_TMP } from './support/env';

// Per-IP limits hash the client address the client-address rule resolved. The Playwright-managed
// server runs with TRUST_PROXY=1, as behind a reverse proxy, so specs can be many readers from one
// machine. Served directly (the default), a client must not be able to choose its address by
// writing X-Forwarded-For: this spec runs its own server without TRUST_PROXY, started as
// `npm start` does and as plain `next start` (which keeps a client's header as sent), and posts two
// comments from two "addresses" that are really one. The flood rule (one comment per IP in 15 s)
// must see one reader.

const run = `ca${Date.now().toString(36)}`;

for (const via of ['npm start', 'next start'] as const) {
  test(`without a trusted proxy, a forged X-Forwarded-For does not get round the per-IP flood rule (${via})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const dir = path.join(E2E_TMP, `client-address-${run}-${via.replace(' ', '-')}-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    let server: AppServer | null = null;
    let db: SiteDb | null = null;
    try {
      server = await startAppServer({
        databasePath: path.join(dir, 'site.db'),
        logPath: path.join(dir, 'server.log'),
        env: { TRUST_PROXY: '0' },
        via,
      });
      const siteUrl = `http://localhost:${server.port}`;
      db = openSiteDb(path.join(dir, 'site.db'));
      const article = commentableArticle(db, 0);
      const post = async (forgedIp: string, body: string) => {
        const context = await browser.newContext({ baseURL: siteUrl, extraHTTPHeaders: { 'X-Forwarded-For': forgedIp } });
        const form = new CommentForm(await context.newPage());
        await form.open(`/articles/${article.slug}`);
        await form.send({ name: 'Forging Reader', email: uniqueEmail('forger'), body });
        const status = await form.status.textContent();
        await context.close();
        return status;
      };

      expect(await post('198.51.100.10', `First from one address ${run} ${via}.`)).toBe(SUCCESS_MESSAGE);
      expect(await post('198.51.100.11', `Second, claiming another address ${run} ${via}.`)).toMatch(
        /^You are posting comments too quickly\. Please wait /,
      );
      const rows = db
        .select({ ipHash: comments.ipHash })
        .from(comments)
        .where(like(comments.body, `%${run} ${via}%`))
        .all();
      expect(rows).toHaveLength(1);
    } finally {
      db?.$client.close();
      await server?.stop();
    }
  });
}
