import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { articles, authors, comments, emailOutbox, newsletterIssues, sections, subscribers, tags, users } from '../db/schema';
import { startAppServer, type AppServer } from '../test/support/app-server';
import { uniqueClientIp } from '../test/support/client-ip';
import { findForm, fillForm, postForm, type PostResult } from '../test/support/forms';
import { openSiteDb, type SiteDb } from '../test/support/site-db';
import { createSession, SESSION_COOKIE, sessionCookie } from '../test/support/site-data';
import { insertDraftIssue, issueStatus, openArticle, uniqueTag } from './support/admin-data';
import { commentableArticle, MIN_FILL_MS, uniqueEmail } from './support/comments';
import { E2E_TMP } from './support/env';
import { expect, test } from './support/fixtures';
import { newAddress, subscriberRow } from './support/newsletter';

// One test per attack on the site, each written to fail while the attack still worked. Requests
// go to this machine's loopback addresses only.

// The start of the flood answer (its end says how many seconds to wait).
const TOO_QUICK = 'You are posting comments too quickly. Please wait ';
const run = uniqueTag('attack');
/** Another reader: an address no other request of the run comes from. */
const freshIp = () => uniqueClientIp(test.info().parallelIndex);

/** A GET or POST sent from a chosen local address (127.0.0.2 plays a trusted proxy below). */
function requestFrom(
  localAddress: string,
  url: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, localAddress }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Posts an article's comment form as a browser without JavaScript does, from `ip` (X-Forwarded-For). */
async function postComment(
  baseUrl: string,
  slug: string,
  { ip, email, body, name = 'Ann Onymous' }: { ip: string; email: string; body: string; name?: string },
): Promise<PostResult> {
  const url = `${baseUrl}/articles/${slug}`;
  const page = await fetch(url, { headers: { 'X-Forwarded-For': ip } });
  const form = findForm(await page.text(), 'name="company"');
  await new Promise((r) => setTimeout(r, MIN_FILL_MS));
  return postForm(url, fillForm(form, { name, email, body, website: '', company: '' }), { 'X-Forwarded-For': ip });
}

/** Posts the footer sign-up form as a browser without JavaScript does, from `ip`; returns the message it shows. */
async function signUp(baseUrl: string, email: string, ip: string): Promise<{ status: number; message: string; body: string }> {
  const url = `${baseUrl}/search`;
  const page = await fetch(url, { headers: { 'X-Forwarded-For': ip } });
  const form = findForm(await page.text(), 'name="nickname"');
  const answer = await postForm(url, fillForm(form, { email, nickname: '', source: '/search' }), { 'X-Forwarded-For': ip });
  const box = answer.body.slice(answer.body.lastIndexOf('aria-label="Newsletter"'));
  const message = /class="(?:form-message|field-error)"[^>]*>([^<]*)</.exec(box)?.[1];
  if (message === undefined) throw new Error(`no sign-up answer on the page (${answer.status}): ${box.slice(0, 600)}`);
  return { status: answer.status, message, body: answer.body };
}

/** The sockets listening on `port`, from the kernel's tables (no traffic sent). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [address, p] = local.split(':');
      if (p === hexPort) found.push(address!);
    }
  }
  return found;
}
// 127.0.0.1 as the kernel writes it (little-endian), and ::1 in tcp6.
const LOOPBACK_HEX = ['0100007F', '00000000000000000000000001000000'];

// ---------------------------------------------------------------------------------------------
// Against the site every other spec uses (behind a "proxy": it trusts X-Forwarded-For from loopback).

test('1. the duplicate-comment oracle: a guessed email is answered exactly as any other, and repeats count', async ({
  siteDb,
  settings,
}) => {
  test.setTimeout(60_000);
  const article = commentableArticle(siteDb, 15);
  const victim = uniqueEmail('victim');
  const text = `Published words of one reader ${run}.`;
  expect((await postComment(settings.siteUrl, article.slug, { ip: freshIp(), email: victim, body: text })).status).toBe(303);
  siteDb.update(comments).set({ status: 'approved' }).where(eq(comments.authorEmail, victim)).run();

  // The attacker posts the published text under the right address and under a wrong one.
  const right = await postComment(settings.siteUrl, article.slug, { ip: freshIp(), email: victim, body: text });
  const wrong = await postComment(settings.siteUrl, article.slug, { ip: freshIp(), email: uniqueEmail('guess'), body: text });
  expect(right.status).toBe(303);
  expect({ status: right.status, location: right.location, body: right.body }).toEqual({
    status: wrong.status,
    location: wrong.location,
    body: wrong.body,
  });

  // A repeat is accepted silently but counts: the same network cannot post again at once.
  const ip = freshIp();
  expect((await postComment(settings.siteUrl, article.slug, { ip, email: victim, body: text })).status).toBe(303);
  expect(
    (await postComment(settings.siteUrl, article.slug, { ip, email: uniqueEmail('next'), body: `Another guess ${run}.` })).body,
  ).toContain(TOO_QUICK);
});

test('2. the local mailbox machine: on a local SITE_URL the server listens on loopback only', ({ settings }) => {
  const addresses = listeningAddresses(settings.port);
  expect(addresses.length, 'the server listens').toBeGreaterThan(0);
  for (const address of addresses) expect(LOOPBACK_HEX, `listening on ${address}`).toContain(address);
});

test('3. IPv6 rotation: addresses in one /64 share the per-IP limits', async ({ siteDb, settings }) => {
  test.setTimeout(60_000);
  const slug = commentableArticle(siteDb, 16).slug;
  const prefix = `2001:db8:${(Date.now() % 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
  expect(
    (await postComment(settings.siteUrl, slug, { ip: `${prefix}::1`, email: uniqueEmail('v6'), body: `From one address ${run}.` })).status,
  ).toBe(303);
  const rotated = await postComment(settings.siteUrl, slug, {
    ip: `${prefix}:ffff:ffff:ffff:fffe`,
    email: uniqueEmail('v6'),
    body: `From the next ${run}.`,
  });
  expect(rotated.body).toContain(TOO_QUICK);
});

test('4. case and +tags: one subscriber per address, one limit per inbox', async ({ siteDb, settings }) => {
  const local = `Case-${run}`;
  expect((await signUp(settings.siteUrl, `${local}@Example.net`, freshIp())).status).toBe(200);
  await signUp(settings.siteUrl, `${local.toLowerCase()}@example.net`, freshIp());
  expect(
    siteDb
      .select({ n: count() })
      .from(subscribers)
      .where(sql`lower(${subscribers.email}) = ${`${local.toLowerCase()}@example.net`}`)
      .get(),
  ).toEqual({ n: 1 });
  await signUp(settings.siteUrl, `${local}+one@example.net`, freshIp());
  const fourth = await signUp(settings.siteUrl, `${local}+two@example.net`, freshIp());
  expect(fourth.message).toMatch(/already sent several confirmation emails/);
  expect(subscriberRow(siteDb, `${local.toLowerCase()}+two@example.net`)).toBeUndefined();
});

test('6. the draft race: an issue changed after the preview is not sent; the subscriber list is for admins', async ({
  adminPage: page,
  siteDb,
  request,
  moderator,
}) => {
  const tag = uniqueTag('race');
  const id = insertDraftIssue(siteDb, `Previewed ${tag}`, openArticle(siteDb, 8).id);
  await page.goto(`/admin/newsletters/${id}?confirm=1`);
  // Between the admin's preview and click, a moderator rewrites the draft.
  siteDb
    .update(newsletterIssues)
    .set({ subject: `Rewritten ${tag}` })
    .where(eq(newsletterIssues.id, id))
    .run();
  await page.getByRole('button', { name: /^Yes, send to \d+ subscribers$/ }).click();
  await expect(page.getByText('This issue was changed after you previewed it, so it was not sent.')).toBeVisible();
  expect(issueStatus(siteDb, id)).toBe('draft');

  const asModerator = await request.get('/admin/subscribers/export', {
    headers: { Cookie: sessionCookie(moderator.sessionToken) },
    maxRedirects: 0,
  });
  expect(asModerator.status()).toBe(403);
});

test('8. headers: every kind of route sends the security headers, and no HSTS on plain http', async ({ request, siteDb }) => {
  const article = commentableArticle(siteDb, 0);
  const row = siteDb
    .select({ section: sections.slug, author: authors.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(eq(articles.id, article.id))
    .get()!;
  const tag = siteDb.select({ slug: tags.slug }).from(tags).limit(1).get()!.slug;
  const home = await (await request.get('/')).text();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(home)?.[1];
  expect(script, 'the front page loads a script').toBeTruthy();
  const paths = [
    '/',
    `/articles/${article.slug}`,
    `/section/${row.section}`,
    `/tag/${tag}`,
    `/author/${row.author}`,
    '/search?q=council',
    '/feed.xml',
    '/sitemap.xml',
    '/robots.txt',
    '/newsletter/archive',
    '/admin/sign-in',
    '/api/comments/stamp',
    `/no-such-page-${run}`,
    script!,
  ];
  for (const p of paths) {
    // Twice: the second answer of a cached page comes from the server's ready copy.
    for (const attempt of [1, 2]) {
      const h = (await request.get(p, { maxRedirects: 0 })).headers();
      const where = `${p} (${attempt})`;
      expect(h['content-security-policy'], where).toContain("object-src 'none'");
      expect(h['content-security-policy'], where).toContain("frame-ancestors 'none'");
      expect(h['content-security-policy'], where).toContain("base-uri 'none'");
      expect(h['content-security-policy'], where).toContain("form-action 'self'");
      expect(h['x-content-type-options'], where).toBe('nosniff');
      expect(h['referrer-policy'], where).toBeTruthy();
      expect(h['permissions-policy'], where).toContain('camera=()');
      expect(h['strict-transport-security'], where).toBeUndefined();
    }
  }
});

test('the sign-up answer is the same bytes for a new, a subscribed and a bounced address', async ({ siteDb, settings }) => {
  const fresh = newAddress('fresh');
  const subscribed = newAddress('subscribed');
  const bounced = newAddress('bounced');
  for (const email of [subscribed, bounced]) await signUp(settings.siteUrl, email, freshIp());
  siteDb.update(subscribers).set({ status: 'confirmed', confirmedAt: new Date() }).where(eq(subscribers.email, subscribed)).run();
  siteDb.update(subscribers).set({ status: 'bounced' }).where(eq(subscribers.email, bounced)).run();
  const answers = [];
  for (const email of [fresh, subscribed, bounced]) answers.push(await signUp(settings.siteUrl, email, freshIp()));
  expect(answers[0]!.message).toBe('Almost done: check your inbox to confirm your subscription.');
  expect(answers[1]!.body).toBe(answers[0]!.body);
  expect(answers[2]!.body).toBe(answers[0]!.body);
});

test('11. a bounced or complained address is answered exactly as any other, limit included', async ({ siteDb, settings }) => {
  for (const status of ['bounced', 'complained'] as const) {
    const suppressed = newAddress('supp');
    const ordinary = newAddress('ord');
    await signUp(settings.siteUrl, suppressed, freshIp());
    await signUp(settings.siteUrl, ordinary, freshIp());
    siteDb.update(subscribers).set({ status }).where(eq(subscribers.email, suppressed)).run();
    const answers = async (email: string) => {
      const out = [];
      for (let i = 0; i < 3; i++) out.push(await signUp(settings.siteUrl, email, freshIp()));
      return out;
    };
    const forSuppressed = (await answers(suppressed)).map((a) => a.message);
    expect(forSuppressed).toEqual((await answers(ordinary)).map((a) => a.message));
    expect(forSuppressed.at(-1)).toMatch(/already sent several confirmation emails/);
  }
});

// ---------------------------------------------------------------------------------------------
// A site on this machine with no email provider (the local mailbox), behind a proxy at 127.0.0.2:
// TRUST_PROXY=1, TRUSTED_PROXIES=127.0.0.2. 127.0.0.1 is "anyone reaching the Node port directly".

test.describe('a local site behind a trusted proxy', () => {
  let server: AppServer | null = null;
  let db: SiteDb | null = null;
  let base = '';
  let port = 0;
  const chief = `chief-${run}@ledger.example`;
  const deputy = `deputy-${run}@ledger.example`;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const dir = path.join(E2E_TMP, `attacks-local-${run}-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    server = await startAppServer({
      databasePath: path.join(dir, 'site.db'),
      logPath: path.join(dir, 'server.log'),
      env: {
        RESEND_API_KEY: '',
        TRUST_PROXY: '1',
        TRUSTED_PROXIES: '127.0.0.2',
        ADMIN_EMAILS: `${chief},${deputy}`,
        AUTH_SECRET: 'e2e-attacks-secret-not-for-production-0123456789',
        MAIL_KEEP_DAYS: '0',
        MAIL_SWEEP_MS: '300',
      },
    });
    ({ port, baseUrl: base } = server);
    db = openSiteDb(path.join(dir, 'site.db'));
  });

  test.afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  });

  test('2. the mailbox is shown to loopback clients only, and says so', async () => {
    const direct = await requestFrom('127.0.0.1', `${base}/dev/mail`);
    expect(direct.status).toBe(200);
    expect(direct.body).toContain('shown only to a browser on this machine');
    // The proxy passes on a reader from the network: the mailbox does not exist for them.
    const remote = await requestFrom('127.0.0.2', `${base}/dev/mail`, { headers: { 'X-Forwarded-For': '192.168.1.20' } });
    expect(remote.status).toBe(404);
    expect(remote.body).not.toContain('shown only to a browser on this machine');
    expect((await requestFrom('127.0.0.2', `${base}/dev/mail/1`, { headers: { 'X-Forwarded-For': '192.168.1.20' } })).status).toBe(404);
  });

  test('5. proxy trust: a client reaching the port directly cannot choose its address', async () => {
    test.setTimeout(60_000);
    const slug = commentableArticle(db!, 0).slug;
    const first = await postComment(base, slug, { ip: '198.51.100.10', email: uniqueEmail('direct'), body: `First, direct ${run}.` });
    expect(first.status).toBe(303);
    const second = await postComment(base, slug, {
      ip: '198.51.100.11',
      email: uniqueEmail('direct'),
      body: `Second, "from elsewhere" ${run}.`,
    });
    expect(second.body).toContain(TOO_QUICK);
    // Only the trusted proxy's word counts: through it, the same header is a different reader.
    const viaProxy = await requestFrom('127.0.0.2', `${base}/dev/mail`, { headers: { 'X-Forwarded-For': '198.51.100.12' } });
    expect(viaProxy.status).toBe(404);
    const forgedLoopback = await requestFrom('127.0.0.1', `${base}/dev/mail`, { headers: { 'X-Forwarded-For': '192.168.1.20' } });
    expect(forgedLoopback.status, 'a direct client is judged by its own address').toBe(200);
  });

  test('7. secrets at rest: a sent email keeps who, what and when, not its links', async () => {
    const email = newAddress('rest');
    await signUp(base, email, '198.51.100.30');
    const row = () =>
      db!
        .select({
          kind: emailOutbox.kind,
          subject: emailOutbox.subject,
          status: emailOutbox.status,
          html: emailOutbox.html,
          text: emailOutbox.text,
          headers: emailOutbox.headers,
          bodyRemovedAt: emailOutbox.bodyRemovedAt,
        })
        .from(emailOutbox)
        .where(eq(emailOutbox.recipient, email))
        .get();
    // MAIL_KEEP_DAYS=0 on this server: blanked by the next sweep after it was sent.
    await expect.poll(() => row()?.bodyRemovedAt ?? null, { timeout: 15_000 }).not.toBeNull();
    expect(row()).toMatchObject({
      kind: 'newsletter_confirm',
      subject: 'Confirm your subscription to The Ledger',
      status: 'sent',
      html: '',
      text: '',
      headers: {},
    });
    expect(JSON.stringify(row())).not.toContain('token=');
  });

  test('10. removing an ADMIN_EMAILS address says it will come back at the next start', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: `http://localhost:${port}` });
    const userId = db!.select({ id: users.id }).from(users).where(eq(users.email, chief)).get()!.id;
    await context.addCookies([
      { name: SESSION_COOKIE, value: createSession(db!, userId), url: `http://localhost:${port}`, httpOnly: true, sameSite: 'Lax' },
    ]);
    const page = await context.newPage();
    await page.goto('/admin/staff');
    const row = page.getByRole('row').filter({ hasText: deputy });
    await expect(row).toContainText('ADMIN_EMAILS');
    await row.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText(`${deputy} is listed in ADMIN_EMAILS, so they will be an admin again at the next start`)).toBeVisible();
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------
// A public site (https SITE_URL), started for the first time.

test('8 and 9. a public site starts empty, says how to add the first admin, and sends HSTS', async ({ settings }) => {
  test.setTimeout(180_000);
  const dir = path.join(E2E_TMP, `attacks-public-${run}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const databasePath = path.join(dir, 'site.db');
  const server = await startAppServer({
    databasePath,
    logPath: path.join(dir, 'server.log'),
    env: {
      SITE_URL: 'https://news.example.org',
      HOST: '127.0.0.1',
      RESEND_API_KEY: 're_e2e_fake_key',
      RESEND_BASE_URL: settings.resendUrl,
      AUTH_SECRET: 'e2e-public-secret-not-for-production-0123456789',
      ADMIN_EMAILS: '',
    },
  });
  const { port } = server;
  try {
    expect(listeningAddresses(port)).toEqual([LOOPBACK_HEX[0]]);
    const db = openSiteDb(databasePath);
    expect(db.select({ n: count() }).from(articles).get()).toEqual({ n: 0 });
    db.$client.close();
    const front = await requestFrom('127.0.0.1', `http://127.0.0.1:${port}/`);
    expect(front.status).toBe(200);
    expect(front.body).toContain('Nothing published yet');
    expect(front.headers['strict-transport-security']).toBe('max-age=31536000');
    const signIn = await requestFrom('127.0.0.1', `http://127.0.0.1:${port}/admin/sign-in`);
    expect(signIn.body).toContain('npm run staff -- add you@example.org --role admin');
  } finally {
    await server.stop();
  }
});
