import { and, eq } from 'drizzle-orm';
import { emailOutbox } from '../db/schema';
import { expect, test } from './support/fixtures';
import type { FakeEmail, Mailbox } from './support/mailbox';
import {
  composeIssue,
  seedConfirmedSubscribers,
  sendIssue,
  signInAsStaff,
  subscriberStatus,
  svixHeaders,
  svixSignature,
  type SeededSubscriber,
} from './support/newsletter-send';
import { listPublished, type PublishedArticle } from './support/site-content';

// Sending the newsletter: compose, preview, test send, send to 120 subscribers in
// batches, watch the progress reach 100%, one-click unsubscribe, the archive, and Resend's signed
// webhooks (signature, age, replay, a bounce that suppresses the subscriber).
//
// Other specs may add confirmed subscribers while this runs, and every issue goes to all of them:
// the assertions are about this spec's own 120 addresses (and counts read from the page).

const run = `nl${Date.now().toString(36)}`;
const subjectOne = `The week in public-sector technology (${run})`;
const subjectTwo = `Follow-up briefing (${run})`;

test.describe.configure({ mode: 'serial' });

let subscribers: SeededSubscriber[] = [];
let picked: PublishedArticle[] = [];
/** `picked` in the order the editor chose: the third first, then the first, then the second. */
let chosenOrder: PublishedArticle[] = [];
let issueOneId = 0;

test.beforeAll(({ siteDb }) => {
  subscribers = seedConfirmedSubscribers(siteDb, run, 120);
  // Not the newest (the front page's lead) nor the oldest (the caching spec retitles it for a while).
  picked = listPublished(siteDb).slice(4, 7);
  chosenOrder = [picked[2]!, picked[0]!, picked[1]!];
});

test.beforeEach(async ({ context, siteDb, settings }) => {
  await signInAsStaff(context, siteDb, settings.siteUrl, settings.adminEmail);
});

const positionsIn = (text: string, titles: string[]) => titles.map((t) => text.toLowerCase().indexOf(t.toLowerCase()));
const isAscending = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x > xs[i - 1]!));

async function issueEmailsTo(mailbox: Mailbox, subject: string): Promise<Map<string, FakeEmail[]>> {
  const byRecipient = new Map<string, FakeEmail[]>();
  for (const e of (await mailbox.emails()).filter((m) => m.subject === subject)) {
    for (const to of e.to) byRecipient.set(to, [...(byRecipient.get(to) ?? []), e]);
  }
  return byRecipient;
}

test('compose an issue, preview it exactly as sent, and send a test to yourself', async ({ page, mailbox, settings }) => {
  test.setTimeout(120_000);
  issueOneId = await composeIssue(page, {
    subject: subjectOne,
    intro: `Good morning. This week **three stories**, in the order we think matters (${run}).`,
    articles: chosenOrder,
  });
  const titles = chosenOrder.map((a) => a.title);

  // The HTML preview is the email itself, in a sandboxed frame.
  const frame = page.getByTitle('HTML version of the issue');
  const html = (await frame.getAttribute('srcdoc'))!;
  expect(html).toContain('<strong>three stories</strong>');
  expect(isAscending(positionsIn(html, titles)), `articles in the chosen order in ${positionsIn(html, titles)}`).toBe(true);
  for (const a of chosenOrder) expect(html).toContain(`${settings.siteUrl}/articles/${a.slug}`);
  await expect(frame.contentFrame().getByRole('link', { name: chosenOrder[0]!.title, exact: true })).toBeVisible();

  await page.getByText('Plain-text version').click();
  const text = await page.locator('pre.mail-text').innerText();
  expect(isAscending(positionsIn(text, titles)), `articles in the chosen order in the plain text`).toBe(true);
  expect(text).toContain(`${settings.siteUrl}/newsletter/archive/${issueOneId}`);

  // Saved: the editor sees the same order when they come back (a new visit: a reload would restore
  // the scroll position the open plain-text version left, and could move the page under a click).
  await page.goto(page.url());
  const rows = page.getByRole('form', { name: 'Newsletter issue' }).getByRole('checkbox', { checked: true });
  await expect(rows).toHaveCount(3);

  await page.getByRole('button', { name: `Send a test to ${settings.adminEmail}` }).click();
  await expect(page.getByRole('form', { name: 'Send a test' })).toContainText(`A test copy is on its way to ${settings.adminEmail}.`);
  const testCopy = await mailbox.waitForEmail(settings.adminEmail, {
    subject: new RegExp(`^\\[Test\\] ${subjectOne.replace(/[()]/g, '\\$&')}$`),
  });
  expect(isAscending(positionsIn(testCopy.text, titles))).toBe(true);
  // One test copy to the admin, and nothing to any subscriber yet.
  expect((await mailbox.emails()).filter((e) => e.subject.endsWith(subjectOne))).toHaveLength(1);
  expect((await mailbox.emails(settings.adminEmail)).filter((e) => e.subject === `[Test] ${subjectOne}`)).toHaveLength(1);
});

test('send to every confirmed subscriber: batches of at most 100, one copy each with their own unsubscribe link', async ({
  page,
  mailbox,
  settings,
}) => {
  test.setTimeout(180_000);
  expect(issueOneId).toBeGreaterThan(0);
  const recipients = await sendIssue(page, issueOneId);
  expect(recipients).toBeGreaterThanOrEqual(120);

  const byRecipient = await issueEmailsTo(mailbox, subjectOne);
  for (const s of subscribers) {
    const got = byRecipient.get(s.email) ?? [];
    expect(got, s.email).toHaveLength(1);
    const e = got[0]!;
    expect(e.html).toContain(`${settings.siteUrl}/newsletter/unsubscribe?token=${s.token}`);
    expect(e.text).toContain(`${settings.siteUrl}/newsletter/unsubscribe?token=${s.token}`);
    expect(e.headers['List-Unsubscribe']).toContain(`<${settings.siteUrl}/api/newsletter/unsubscribe?token=${s.token}>`);
    expect(e.headers['List-Unsubscribe']).toMatch(/<mailto:[^>]+>/);
    expect(e.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(e.headers['List-Id']).toMatch(/^The Ledger newsletter <newsletter\.localhost>$/);
    expect(e.idempotencyKey).toMatch(/^batch\//);
  }
  // Nobody at all got two copies.
  expect([...byRecipient.entries()].filter(([, list]) => list.length !== 1).map(([to]) => to)).toEqual([]);

  // Through the batch endpoint only, at most 100 a request.
  const requests = (await mailbox.requests()).filter(
    (r) => Array.isArray(r.body) && (r.body as { subject?: string }[]).some((m) => m.subject === subjectOne),
  );
  expect(requests.every((r) => r.path === '/emails/batch')).toBe(true);
  const sizes = requests.filter((r) => r.status === 200).map((r) => (r.body as unknown[]).length);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(byRecipient.size);
  if (byRecipient.size === 120) expect(sizes.sort((a, b) => b - a)).toEqual([100, 20]);
  // (The only single send of it was the [Test] copy.)
  expect(
    (await mailbox.requests()).filter((r) => r.path === '/emails' && (r.body as { subject?: string }).subject === subjectOne),
  ).toHaveLength(0);

  // The issue is listed as sent, with as many recipients as got it (the confirmation's count,
  // unless another spec confirmed or removed a subscriber in between).
  await page.goto('/admin/newsletters');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: subjectOne }) });
  await expect(row.getByRole('cell').nth(1)).toHaveText('sent');
  await expect(row.getByRole('cell').nth(2)).toHaveText(String(byRecipient.size));
});

test('the archive lists the sent issue and its web version shows the articles in order', async ({ page }) => {
  await page.context().clearCookies();
  await page.goto('/newsletter/archive');
  await expect(page.getByRole('heading', { level: 1, name: 'Newsletter archive' })).toBeVisible();
  await page.getByRole('link', { name: subjectOne }).click();
  await expect(page).toHaveURL(new RegExp(`/newsletter/archive/${issueOneId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subjectOne);
  await expect(page.getByRole('main')).toContainText('three stories');
  const links = page
    .getByRole('article')
    .getByRole('link', { name: new RegExp(chosenOrder.map((a) => a.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) });
  await expect(links).toHaveText(chosenOrder.map((a) => a.title));
  for (const a of chosenOrder)
    await expect(page.getByRole('link', { name: a.title, exact: true })).toHaveAttribute('href', `/articles/${a.slug}`);
  expect((await page.request.get('/newsletter/archive/999999')).status()).toBe(404);
});

test.describe('Resend webhooks', () => {
  const url = '/api/webhooks/resend';
  const event = (type: string, data: Record<string, unknown>) => JSON.stringify({ type, created_at: new Date().toISOString(), data });

  test('signature, age and replay: only a fresh, correctly signed event counts, and only once', async ({ request, settings, siteDb }) => {
    const target = subscribers[9]!;
    const row = siteDb
      .select({ id: emailOutbox.id, providerId: emailOutbox.providerId })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.recipient, target.email), eq(emailOutbox.kind, 'newsletter_issue'), eq(emailOutbox.status, 'sent')))
      .get()!;
    expect(row.providerId).toBeTruthy();
    const providerStatus = () =>
      siteDb.select({ s: emailOutbox.providerStatus }).from(emailOutbox).where(eq(emailOutbox.id, row.id)).get()!.s;
    const bounce = event('email.bounced', {
      email_id: row.providerId,
      to: [target.email],
      bounce: { type: 'Permanent', subType: 'General', message: 'no such user' },
    });
    const secret = settings.webhookSecret;
    const otherSecret = `whsec_${Buffer.from('some-other-endpoint-secret').toString('base64')}`;
    const now = Math.floor(Date.now() / 1000);

    const refused: [string, Record<string, string>, string][] = [
      ['wrong secret', svixHeaders(otherSecret, bounce), bounce],
      ['body changed after signing', svixHeaders(secret, bounce), bounce.replace(target.email, `x${target.email}`)],
      ['six minutes old', svixHeaders(secret, bounce, { timestamp: now - 360 }), bounce],
      ['six minutes ahead', svixHeaders(secret, bounce, { timestamp: now + 360 }), bounce],
      ['no signature', { ...svixHeaders(secret, bounce), 'svix-signature': '' }, bounce],
      [
        'no id',
        { 'content-type': 'application/json', 'svix-timestamp': String(now), 'svix-signature': svixSignature(secret, '', now, bounce) },
        bounce,
      ],
    ];
    for (const [why, headers, body] of refused) {
      const res = await request.post(url, { headers, data: body });
      expect(res.status(), why).toBe(401);
    }
    expect(subscriberStatus(siteDb, target.id), 'refused events change nothing').toBe('confirmed');

    // A delivery event, correctly signed, updates the outbox row; its replay changes nothing.
    const delivered = event('email.delivered', { email_id: row.providerId, to: [target.email] });
    const headers = svixHeaders(secret, delivered);
    const first = await request.post(url, { headers, data: delivered });
    expect(first.status()).toBe(200);
    expect(await first.json()).toEqual({ ok: true, outcome: 'handled' });
    expect(providerStatus()).toBe('delivered');

    // The same message id again (a retry, or an attacker replaying a captured request within the
    // five minutes) is acknowledged, so the sender stops retrying, and ignored.
    siteDb.update(emailOutbox).set({ providerStatus: 'opened' }).where(eq(emailOutbox.id, row.id)).run();
    const replay = await request.post(url, { headers, data: delivered });
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual({ ok: true, outcome: 'duplicate' });
    expect(providerStatus()).toBe('opened');
    // Even with a new body signed under the replayed id.
    const replayBounce = await request.post(url, { headers: svixHeaders(secret, bounce, { id: headers['svix-id'] }), data: bounce });
    expect(await replayBounce.json()).toEqual({ ok: true, outcome: 'duplicate' });
    expect(subscriberStatus(siteDb, target.id)).toBe('confirmed');

    // Signed, but not an event.
    const junk = '{"hello":"world"}';
    expect((await request.post(url, { headers: svixHeaders(secret, junk), data: junk })).status()).toBe(400);
  });

  test('a permanent bounce suppresses the subscriber; a temporary one does not', async ({ request, settings, siteDb }) => {
    const bounced = subscribers[10]!;
    const soft = subscribers[11]!;
    const complained = subscribers[12]!;
    const send = async (body: string) => {
      const res = await request.post(url, { headers: svixHeaders(settings.webhookSecret, body), data: body });
      expect(res.status()).toBe(200);
    };
    await send(event('email.bounced', { to: [soft.email], bounce: { type: 'Transient', subType: 'MailboxFull' } }));
    await send(event('email.bounced', { to: [bounced.email], bounce: { type: 'Permanent', subType: 'General' } }));
    await send(event('email.complained', { to: [complained.email] }));
    expect(subscriberStatus(siteDb, soft.id)).toBe('confirmed');
    expect(subscriberStatus(siteDb, bounced.id)).toBe('bounced');
    expect(subscriberStatus(siteDb, complained.id)).toBe('complained');
  });
});

test('one-click unsubscribe (RFC 8058) with the link from the email', async ({ playwright, mailbox, settings, siteDb }) => {
  const leaver = subscribers[7]!;
  const [email] = (await mailbox.emails(leaver.email)).filter((e) => e.subject === subjectOne);
  const link = /<(https?:\/\/[^>]+)>/.exec(email!.headers['List-Unsubscribe']!)![1]!;
  expect(link).toBe(`${settings.siteUrl}/api/newsletter/unsubscribe?token=${leaver.token}`);

  // What a mail client sends: a cookie-less POST with exactly this body.
  const client = await playwright.request.newContext();
  const res = await client.post(link, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain('You are unsubscribed.');
  await client.dispose();
  expect(subscriberStatus(siteDb, leaver.id)).toBe('unsubscribed');
});

test('the next issue leaves out whoever unsubscribed, bounced or complained', async ({ page, mailbox }) => {
  test.setTimeout(180_000);
  const left = new Set([subscribers[7]!.email, subscribers[10]!.email, subscribers[12]!.email]);
  const id = await composeIssue(page, { subject: subjectTwo, intro: 'A short one.', articles: [picked[0]!] });
  const recipients = await sendIssue(page, id);
  expect(recipients).toBeGreaterThanOrEqual(117);

  const byRecipient = await issueEmailsTo(mailbox, subjectTwo);
  for (const s of subscribers) {
    expect(byRecipient.get(s.email) ?? [], s.email).toHaveLength(left.has(s.email) ? 0 : 1);
  }
  // The soft bounce is still a subscriber.
  expect(byRecipient.get(subscribers[11]!.email)).toHaveLength(1);
});
