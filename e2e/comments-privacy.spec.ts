import { createHash } from 'node:crypto';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { inArray } from 'drizzle-orm';
import { authors, comments, tags, type CommentStatus } from '../db/schema';
import { uniqueClientIp } from '../test/support/client-ip';
import { invalidateTags, type SiteDb } from '../test/support/site-db';
import { expect, test } from './support/fixtures';
import {
  CommentForm,
  commentableArticle,
  commentWith,
  eventually,
  moderate,
  storedComment,
  SUCCESS_MESSAGE,
  uniqueEmail,
} from './support/comments';
import { listPublished, listSections } from './support/site-content';

// Privacy: a commenter's email and IP never leave the server towards a reader. Seeds
// comments with unique emails (through the real form, from known IPs, and straight into the
// database), approves some and leaves others pending or spam, then reads every public response
// it can reach and looks for them.

test.describe.configure({ timeout: 240_000 });

interface Secret {
  what: string;
  value: string;
}

/** Each private value, and the hashes a careless avatar or analytics feature would leak instead. */
function secretsFor(emails: string[], ips: string[], ipHashes: string[]): Secret[] {
  const out: Secret[] = [];
  for (const email of emails) {
    out.push({ what: `email ${email}`, value: email });
    out.push({ what: `local part of ${email}`, value: email.split('@')[0]! });
    out.push({ what: `URL-encoded ${email}`, value: encodeURIComponent(email) });
    for (const algorithm of ['md5', 'sha256']) {
      out.push({
        what: `${algorithm} of ${email} (avatar hash)`,
        value: createHash(algorithm).update(email.trim().toLowerCase()).digest('hex'),
      });
    }
  }
  for (const ip of ips) out.push({ what: `IP ${ip}`, value: ip });
  for (const hash of ipHashes) out.push({ what: `stored IP hash ${hash}`, value: hash });
  return out;
}

class Scanner {
  scanned: string[] = [];

  constructor(private readonly secrets: Secret[]) {}

  /** Checks one response's status line, headers and body for every secret. */
  async check(label: string, response: APIResponse): Promise<string> {
    const body = (await response.body()).toString('latin1');
    const headers = response
      .headersArray()
      .map((h) => `${h.name}: ${h.value}`)
      .join('\n');
    const haystack = `${response.url()}\n${headers}\n${body}`.toLowerCase();
    for (const secret of this.secrets) {
      const at = haystack.indexOf(secret.value.toLowerCase());
      expect(at, `${label} (${response.status()}) holds the ${secret.what}: …${haystack.slice(Math.max(0, at - 80), at + 80)}…`).toBe(-1);
    }
    this.scanned.push(`${response.status()} ${label}`);
    return (await response.body()).toString('utf8');
  }

  async get(request: APIRequestContext, path: string, headers: Record<string, string> = {}, label = path): Promise<string> {
    return this.check(label, await request.get(path, { headers, maxRedirects: 0 }));
  }

  /** A page as HTML, and as the RSC payload a client-side navigation (and a prefetch) fetches. */
  async page(request: APIRequestContext, path: string): Promise<string> {
    const html = await this.get(request, path);
    await this.get(request, path, { RSC: '1' }, `${path} (RSC)`);
    await this.get(request, `${path}?_rsc=privacy`, { RSC: '1', 'Next-Router-Prefetch': '1' }, `${path} (RSC prefetch)`);
    return html;
  }
}

function insertComment(
  db: SiteDb,
  articleId: number,
  c: { name: string; email: string; body: string; status: CommentStatus; parentId?: number; ipHash: string },
): number {
  return db
    .insert(comments)
    .values({
      articleId,
      parentId: c.parentId ?? null,
      depth: c.parentId ? 2 : 1,
      authorName: c.name,
      authorEmail: c.email,
      authorUrl: 'https://privacy.example.org/',
      body: c.body,
      status: c.status,
      ipHash: c.ipHash,
      userAgent: 'PrivacyBot/1.0',
    })
    .returning({ id: comments.id })
    .get().id;
}

test('no public response holds a commenter’s email or IP, and cached pages stay the same for everyone', async ({
  browser,
  playwright,
  siteDb,
  settings,
}, testInfo) => {
  const approvedArticle = commentableArticle(siteDb, 10);
  const pendingArticle = commentableArticle(siteDb, 11);
  const tag = Date.now().toString(36);
  const formApprovedEmail = uniqueEmail('privacy-form-approved');
  const formPendingEmail = uniqueEmail('privacy-form-pending');
  const rowEmails = {
    approved: uniqueEmail('privacy-approved'),
    reply: uniqueEmail('privacy-reply'),
    pending: uniqueEmail('privacy-pending'),
    spam: uniqueEmail('privacy-spam'),
    trash: uniqueEmail('privacy-trash'),
  };
  const ipA = uniqueClientIp(testInfo.parallelIndex);
  const ipB = uniqueClientIp(testInfo.parallelIndex);

  // Through the real form, from two known addresses: one to be approved, one left pending.
  const authorA = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': ipA } });
  const formA = new CommentForm(await authorA.newPage());
  await formA.open(`/articles/${approvedArticle.slug}`);
  await formA.send({
    name: 'Pat Private',
    email: formApprovedEmail,
    website: 'https://pat.example.org/',
    body: `Approved via the form ${tag}.`,
  });
  await expect(formA.status).toHaveText(SUCCESS_MESSAGE);

  const authorB = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': ipB } });
  const pageB = await authorB.newPage();
  const formB = new CommentForm(pageB);
  await formB.open(`/articles/${pendingArticle.slug}`);
  await formB.send({ name: 'Kim Pending', email: formPendingEmail, body: `Still pending via the form ${tag}.` });
  await expect(formB.status).toHaveText(SUCCESS_MESSAGE);
  await expect(commentWith(pageB, `Still pending via the form ${tag}`)).toBeVisible();

  // Straight into the database: approved with a reply, and pending, spam and trash.
  const seededIpHash = `feedc0de${tag}`.padEnd(32, '0').slice(0, 32);
  const top = insertComment(siteDb, approvedArticle.id, {
    name: 'Row Approved',
    email: rowEmails.approved,
    body: `Approved row ${tag}.`,
    status: 'approved',
    ipHash: seededIpHash,
  });
  insertComment(siteDb, approvedArticle.id, {
    name: 'Row Reply',
    email: rowEmails.reply,
    body: `Approved reply ${tag}.`,
    status: 'approved',
    parentId: top,
    ipHash: seededIpHash,
  });
  for (const status of ['pending', 'spam', 'trash'] as const) {
    insertComment(siteDb, pendingArticle.id, {
      name: `Row ${status}`,
      email: rowEmails[status],
      body: `Row ${status} ${tag}.`,
      status,
      ipHash: seededIpHash,
    });
  }
  const formApproved = await storedComment(siteDb, formApprovedEmail);
  await moderate(settings, 'approve', [formApproved.id]);
  invalidateTags(siteDb, [`article:${approvedArticle.slug}`, 'comment-counts']);

  const storedHashes = siteDb
    .select({ ipHash: comments.ipHash })
    .from(comments)
    .where(inArray(comments.authorEmail, [formApprovedEmail, formPendingEmail]))
    .all()
    .map((r) => r.ipHash!);
  expect(storedHashes).toHaveLength(2);
  const emails = [formApprovedEmail, formPendingEmail, ...Object.values(rowEmails)];
  const scanner = new Scanner(secretsFor(emails, [ipA, ipB], [...storedHashes, seededIpHash]));

  // Wait until readers see the approved comments, so the scan reads pages that hold them.
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await eventually(readerPage, `/articles/${approvedArticle.slug}`, async () => {
    await expect(commentWith(readerPage, `Approved via the form ${tag}`)).toBeVisible({ timeout: 500 });
    await expect(commentWith(readerPage, `Approved reply ${tag}`)).toBeVisible({ timeout: 500 });
  });
  await expect(readerPage.getByText(`Still pending via the form ${tag}`)).toHaveCount(0);

  const request = reader.request;

  // The two articles, every page they link to, and the comment routes.
  const approvedHtml = await scanner.page(request, `/articles/${approvedArticle.slug}`);
  expect(approvedHtml, 'the scan reads the page that shows the approved comments').toContain(`Approved via the form ${tag}`);
  // The thread reaches the browser as data (CommentThread's props) inlined in the HTML: the scan read that too.
  const inlined = [...approvedHtml.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].map((m) => m[1]).join('');
  expect(inlined, 'the RSC data inlined in the page carries the approved comments').toContain(`Approved reply ${tag}`);
  const rsc = await request.get(`/articles/${approvedArticle.slug}`, { headers: { RSC: '1' } });
  expect(rsc.headers()['content-type']).toContain('text/x-component');
  expect(await rsc.text(), 'the RSC payload carries the approved comments').toContain(`Approved reply ${tag}`);
  const pendingHtml = await scanner.page(request, `/articles/${pendingArticle.slug}`);
  expect(pendingHtml).not.toContain(tag);
  await scanner.page(request, `/articles/${approvedArticle.slug}/reply/${top}`);
  await scanner.get(request, `/articles/${approvedArticle.slug}/reply/${formApproved.id}`);
  await scanner.get(request, `/articles/${pendingArticle.slug}/reply/${(await storedComment(siteDb, formPendingEmail)).id}`);
  await scanner.get(request, `/articles/${approvedArticle.slug}/comments/2`);
  await scanner.get(request, `/api/comments/mine?article=${pendingArticle.slug}`);
  await scanner.get(request, `/api/comments/mine?article=${approvedArticle.slug}`);
  await scanner.get(request, '/api/comments/stamp');
  // Who a browser comments as is told only to the browser holding that address's credential.
  await scanner.get(request, '/api/comments/stamp', { Cookie: `ledger_commenter=${'x'.repeat(43)}` }, 'the stamp with a forged credential');
  await scanner.page(request, '/comments/prove');
  await scanner.get(request, `/comments/confirm?token=${'y'.repeat(43)}`);
  await scanner.page(request, '/my-data');
  await scanner.get(request, `/articles/${approvedArticle.slug}/report/${top}`);
  // The comment feeds carry the approved comments by name: the scan reads them with the text in.
  expect(await scanner.get(request, '/feed/comments.xml')).toContain(`Approved reply ${tag}`);
  expect(await scanner.get(request, `/articles/${approvedArticle.slug}/feed.xml`)).toContain(`Approved reply ${tag}`);
  await scanner.get(request, `/articles/${pendingArticle.slug}/feed.xml`);
  // Even the commenter's own preview request carries no email or IP back.
  // The browser keeps its signed list in local storage and sends it in a header.
  const tokenB = await pageB.evaluate(() => window.localStorage.getItem('ledger_pending'));
  expect(tokenB, 'the author’s browser keeps its pending list').toBeTruthy();
  const own = await scanner.get(
    authorB.request,
    `/api/comments/mine?article=${pendingArticle.slug}`,
    { 'x-ledger-pending': tokenB! },
    'the author’s own /api/comments/mine',
  );
  expect(own).toContain(`Still pending via the form ${tag}`);
  // Another browser sees none of it.
  expect(
    JSON.parse(await scanner.get(request, `/api/comments/mine?article=${pendingArticle.slug}`, {}, 'another browser’s /api/comments/mine')),
  ).toEqual({
    comments: [],
  });

  // OpenGraph images: headers and bytes.
  for (const article of [approvedArticle, pendingArticle]) {
    const html = await (await request.get(`/articles/${article.slug}`)).text();
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(image, `og:image of ${article.slug}`).toBeTruthy();
    await scanner.get(request, image!.replace(/&amp;/g, '&'), {}, `OG image of ${article.slug}`);
  }

  // Every other public page: front page, articles, archives, search, feeds, sitemap, robots.
  await scanner.page(request, '/');
  await scanner.page(request, '/page/2');
  for (const article of listPublished(siteDb)) await scanner.page(request, `/articles/${article.slug}`);
  for (const section of listSections(siteDb)) {
    await scanner.page(request, `/section/${section.slug}`);
    await scanner.get(request, `/section/${section.slug}/feed.xml`);
  }
  for (const { slug } of siteDb.select({ slug: tags.slug }).from(tags).all()) await scanner.page(request, `/tag/${slug}`);
  for (const { slug } of siteDb.select({ slug: authors.slug }).from(authors).all()) await scanner.page(request, `/author/${slug}`);
  for (const q of [tag, 'Approved', 'privacy', approvedArticle.title.split(' ')[0]!, 'example.net']) {
    await scanner.get(request, `/search?q=${encodeURIComponent(q)}`);
  }
  for (const path of ['/feed.xml', '/sitemap.xml', '/robots.txt', '/articles/no-such-article', '/admin/comments', '/dev/mail']) {
    await scanner.get(request, path);
  }

  testInfo.annotations.push({ type: 'responses scanned', description: String(scanner.scanned.length) });
  expect(scanner.scanned.length).toBeGreaterThan(100);

  // The article page is cached HTML: the same bytes for two new readers and for the commenter
  // (who keeps the pending list), and no cookie set, after all these comments.
  for (const article of [approvedArticle, pendingArticle]) {
    const path = `/articles/${article.slug}`;
    await expect(async () => {
      const alice = await playwright.request.newContext({ baseURL: settings.siteUrl });
      const bob = await playwright.request.newContext({ baseURL: settings.siteUrl });
      try {
        const first = await alice.get(path);
        const second = await bob.get(path);
        const commenter = await authorB.request.get(path);
        expect(second.headers()['x-nextjs-cache'], path).toBe('HIT');
        expect((await second.body()).equals(await first.body()), `${path} differs between two readers`).toBe(true);
        expect((await commenter.body()).equals(await first.body()), `${path} differs for the commenter`).toBe(true);
        for (const response of [first, second, commenter]) {
          expect(
            response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie'),
            path,
          ).toEqual([]);
        }
      } finally {
        await alice.dispose();
        await bob.dispose();
      }
    }).toPass({ timeout: 20_000, intervals: [500, 1_000] });
  }

  await authorA.close();
  await authorB.close();
  await reader.close();
});
