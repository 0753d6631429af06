import { beforeAll, describe, expect, it, vi } from 'vitest';

// Links in email come from SITE_URL; an https one shows the List-Unsubscribe header as it goes out.
// lib/env reads the environment when first imported, so it is set before the imports run.
vi.hoisted(() => {
  Object.assign(process.env, {
    SITE_URL: 'https://news.example.org',
    MAIL_FROM: 'The Ledger <newsroom@news.example.org>',
    // Required with a public SITE_URL; nothing is sent in this file.
    RESEND_API_KEY: 're_unit_test_key',
    AUTH_SECRET: 'unit-test-secret-0123456789abcdef',
  });
});

import { count, eq, like, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { emailOutbox, subscribers, type SubscriberStatus } from '@/db/schema';
import { hashToken } from './tokens';
import { ADDRESS_LIMIT, confirmSubscription, inspectConfirmToken, IP_LIMIT, requestSubscription, unsubscribe } from './subscriptions';

const HOUR = 60 * 60 * 1000;
let counter = 0;
const newAddress = () => `nl-${Date.now().toString(36)}-${++counter}@example.net`;
const newIpHash = () => `ip-${Date.now().toString(36)}-${++counter}`;

const db = () => getDb();
const subscriber = (email: string) => db().select().from(subscribers).where(eq(subscribers.email, email)).get();
const outbox = (to: string) => db().select().from(emailOutbox).where(eq(emailOutbox.recipient, to)).orderBy(emailOutbox.id).all();
const setStatus = (email: string, status: SubscriberStatus) =>
  db().update(subscribers).set({ status }).where(eq(subscribers.email, email)).run();
const kinds = (to: string) => outbox(to).map((e) => e.kind);

/** The token in the newest confirmation email to `to`, as the person would click it. */
function confirmToken(to: string): string {
  const email = outbox(to)
    .filter((e) => e.kind === 'newsletter_confirm')
    .at(-1);
  const token = email?.text.match(/\/newsletter\/confirm\?token=([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no confirmation link to ${to}`);
  return token;
}

const subscribe = (email: string, over: { ipHash?: string; now?: Date; source?: string | null } = {}) =>
  requestSubscription({
    rawEmail: email,
    source: over.source ?? '/articles/some-story',
    client: { ipHash: over.ipHash ?? newIpHash(), ipRangeHash: null },
    now: over.now,
  });

/** A confirmed subscriber, by the real flow. */
async function confirmed(email = newAddress()) {
  await subscribe(email);
  expect(await confirmSubscription(confirmToken(email))).toBe('confirmed');
  return email;
}

beforeAll(() => migrateDatabase());

describe('requestSubscription', () => {
  it('creates a pending subscriber with a hashed 48 h token and queues the confirmation email', async () => {
    const email = newAddress();
    const now = new Date();
    expect(await subscribe(email, { ipHash: 'hash-of-ip', now, source: '/articles/council-cloud' })).toEqual({ ok: true });

    const row = subscriber(email)!;
    expect(row).toMatchObject({
      status: 'pending',
      consentSource: '/articles/council-cloud',
      consentAt: now,
      ipHash: 'hash-of-ip',
      confirmTokenUsedAt: null,
    });
    expect(row.confirmTokenExpiresAt).toEqual(new Date(now.getTime() + 48 * HOUR));

    const [confirmation] = outbox(email);
    expect(confirmation).toMatchObject({
      kind: 'newsletter_confirm',
      subject: 'Confirm your subscription to The Ledger',
      status: 'queued',
      ref: `subscriber:${row.id}`,
    });
    const token = confirmToken(email);
    expect(confirmation!.html).toContain(`https://news.example.org/newsletter/confirm?token=${token}`);
    // Only the hash is stored.
    expect(row.confirmTokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('normalises the address before storing it', async () => {
    const local = `Nl-${Date.now().toString(36)}`;
    expect(await subscribe(`  ${local}@Bücher.Example `)).toEqual({ ok: true });
    expect(subscriber(`${local.toLowerCase()}@xn--bcher-kva.example`)?.status).toBe('pending');
  });

  it('answers the same for a new, pending, confirmed and unsubscribed address, and sends the right email', async () => {
    const fresh = newAddress();
    const pending = newAddress();
    await subscribe(pending);
    const subscribed = await confirmed();
    const left = await confirmed();
    expect(unsubscribe(subscriber(left)!.unsubscribeToken)).toBe('unsubscribed');

    const answers = [];
    for (const email of [fresh, pending, subscribed, left]) answers.push(await subscribe(email));
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }]);

    expect(kinds(fresh)).toEqual(['newsletter_confirm']);
    expect(kinds(pending)).toEqual(['newsletter_confirm', 'newsletter_confirm']);
    expect(kinds(subscribed)).toEqual(['newsletter_confirm', 'newsletter_welcome', 'newsletter_already_subscribed']);
    // Unsubscribed people come back through the same double opt-in.
    expect(kinds(left).at(-1)).toBe('newsletter_confirm');

    expect(subscriber(fresh)!.status).toBe('pending');
    expect(subscriber(pending)!.status).toBe('pending');
    expect(subscriber(subscribed)!.status).toBe('confirmed');
    expect(subscriber(left)!.status).toBe('pending');

    const already = outbox(subscribed).at(-1)!;
    expect(already.subject).toBe('You are already subscribed to The Ledger');
    expect(already.text).toContain(`https://news.example.org/newsletter/unsubscribe?token=${subscriber(subscribed)!.unsubscribeToken}`);
  });

  it('sends nothing to a bounced or complained address, and says the same', async () => {
    for (const status of ['bounced', 'complained'] as const) {
      const email = newAddress();
      await subscribe(email);
      setStatus(email, status);
      const before = outbox(email).length;
      expect(await subscribe(email)).toEqual({ ok: true });
      expect(outbox(email)).toHaveLength(before);
      expect(subscriber(email)!.status).toBe(status);
    }
  });

  it('refuses an invalid address and writes nothing', async () => {
    for (const raw of [
      'ana@example.com\r\nbcc: eve@example.com',
      'ana@example.com, eve@example.com',
      '"ana"@example.com',
      `${'a'.repeat(255)}@example.com`,
    ]) {
      const outcome = await subscribe(raw);
      expect(outcome).toMatchObject({ ok: false, reason: 'invalid', message: expect.any(String) });
    }
    expect(
      db()
        .select({ n: count() })
        .from(subscribers)
        .where(or(like(subscribers.email, '%eve@%'), like(subscribers.email, 'aaaa%')))
        .get(),
    ).toEqual({ n: 0 });
  });

  it('allows 10 sign-ups an hour from one network, then refuses until the hour has passed', async () => {
    expect(IP_LIMIT).toEqual({ limit: 10, windowMs: HOUR });
    const ipHash = newIpHash();
    const now = new Date();
    for (let i = 0; i < 10; i++) expect(await subscribe(newAddress(), { ipHash, now })).toEqual({ ok: true });
    const eleventh = newAddress();
    expect(await subscribe(eleventh, { ipHash, now: new Date(now.getTime() + 30 * 60 * 1000) })).toEqual({ ok: false, reason: 'ip-limit' });
    expect(subscriber(eleventh)).toBeUndefined();
    expect(outbox(eleventh)).toEqual([]);
    // Another network is not affected; the same one is welcome again an hour later.
    expect(await subscribe(eleventh, { now })).toEqual({ ok: true });
    expect(await subscribe(newAddress(), { ipHash, now: new Date(now.getTime() + HOUR + 1) })).toEqual({ ok: true });
  });

  it('sends at most 3 confirmation emails to one address in 24 hours, whatever the network', async () => {
    expect(ADDRESS_LIMIT).toEqual({ limit: 3, windowMs: 24 * HOUR });
    const email = newAddress();
    for (let i = 0; i < 3; i++) expect(await subscribe(email)).toEqual({ ok: true });
    expect(await subscribe(email)).toEqual({ ok: false, reason: 'address-limit' });
    expect(kinds(email)).toEqual(['newsletter_confirm', 'newsletter_confirm', 'newsletter_confirm']);
    // Emails are stamped with the real time; a day later the window has moved past them.
    expect(await subscribe(email, { now: new Date(Date.now() + 24 * HOUR + 60_000) })).toEqual({ ok: true });
  });

  it('counts "already subscribed" emails towards the address limit too', async () => {
    const email = await confirmed();
    expect(await subscribe(email)).toEqual({ ok: true });
    expect(await subscribe(email)).toEqual({ ok: true });
    expect(await subscribe(email)).toEqual({ ok: false, reason: 'address-limit' });
    expect(kinds(email)).toEqual([
      'newsletter_confirm',
      'newsletter_welcome',
      'newsletter_already_subscribed',
      'newsletter_already_subscribed',
    ]);
  });

  it('treats spellings of one address as one subscriber, and +tags as one mailbox for the limit', async () => {
    const local = `case-${Date.now().toString(36)}`;
    const email = `${local}@example.net`;
    expect(await subscribe(`${local.toUpperCase()}@Example.NET`)).toEqual({ ok: true });
    expect(await subscribe(email)).toEqual({ ok: true });
    expect(
      db()
        .select({ n: count() })
        .from(subscribers)
        .where(sql`lower(${subscribers.email}) = ${email}`)
        .get(),
    ).toEqual({ n: 1 });
    // A third spelling with a tag is another subscriber, but the same inbox: its limit is spent.
    expect(await subscribe(`${local}+news@example.net`)).toEqual({ ok: true });
    expect(await subscribe(`${local}+other@example.net`)).toEqual({ ok: false, reason: 'address-limit' });
    expect(outbox(`${local}+other@example.net`)).toEqual([]);
  });

  it('answers a bounced or complained address exactly as any other, limit included', async () => {
    for (const status of ['bounced', 'complained'] as const) {
      const suppressed = newAddress();
      const ordinary = newAddress();
      await subscribe(suppressed);
      await subscribe(ordinary);
      setStatus(suppressed, status);
      const answers = async (email: string) => [await subscribe(email), await subscribe(email), await subscribe(email)];
      expect(await answers(suppressed)).toEqual(await answers(ordinary));
      expect(await subscribe(suppressed)).toEqual({ ok: false, reason: 'address-limit' });
    }
  });
});

describe('confirmation tokens', () => {
  it('are valid for 48 hours', async () => {
    const email = newAddress();
    const now = new Date();
    await subscribe(email, { now });
    const token = confirmToken(email);
    expect(inspectConfirmToken(token, new Date(now.getTime() + 48 * HOUR - 1000))).toBe('valid');
    expect(inspectConfirmToken(token, new Date(now.getTime() + 48 * HOUR))).toBe('expired');
    expect(await confirmSubscription(token, new Date(now.getTime() + 48 * HOUR + 1))).toBe('expired');
    expect(subscriber(email)!.status).toBe('pending');
    expect(kinds(email)).toEqual(['newsletter_confirm']);
  });

  it('work once: confirming twice says already confirmed and sends no second welcome', async () => {
    const email = newAddress();
    await subscribe(email);
    const token = confirmToken(email);
    expect(inspectConfirmToken(token)).toBe('valid');
    expect(await confirmSubscription(token)).toBe('confirmed');
    const row = subscriber(email)!;
    expect(row.status).toBe('confirmed');
    expect(row.confirmedAt).toEqual(expect.any(Date));
    expect(row.confirmTokenUsedAt).toEqual(expect.any(Date));

    expect(inspectConfirmToken(token)).toBe('already-confirmed');
    expect(await confirmSubscription(token)).toBe('already-confirmed');
    expect(kinds(email)).toEqual(['newsletter_confirm', 'newsletter_welcome']);
  });

  it('are replaced by a new request', async () => {
    const email = newAddress();
    await subscribe(email);
    const first = confirmToken(email);
    await subscribe(email);
    const second = confirmToken(email);
    expect(second).not.toBe(first);
    expect(inspectConfirmToken(first)).toBe('invalid');
    expect(await confirmSubscription(first)).toBe('invalid');
    expect(subscriber(email)!.status).toBe('pending');
    expect(await confirmSubscription(second)).toBe('confirmed');
  });

  it('reject altered, unknown and malformed tokens', async () => {
    const email = newAddress();
    await subscribe(email);
    const token = confirmToken(email);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [altered, 'A'.repeat(43), token.slice(1), `${token}x`, '', null, undefined, 123, { token }]) {
      expect(inspectConfirmToken(bad), String(bad)).toBe('invalid');
      expect(await confirmSubscription(bad), String(bad)).toBe('invalid');
    }
    expect(subscriber(email)!.status).toBe('pending');
    expect(kinds(email)).toEqual(['newsletter_confirm']);
  });

  it('from before an unsubscribe confirm nobody', async () => {
    const email = newAddress();
    await subscribe(email);
    const token = confirmToken(email);
    expect(unsubscribe(subscriber(email)!.unsubscribeToken)).toBe('unsubscribed');
    expect(await confirmSubscription(token)).toBe('invalid');
    expect(subscriber(email)!.status).toBe('unsubscribed');
  });
});

describe('the welcome email', () => {
  it('carries List-Unsubscribe (https and mailto), List-Unsubscribe-Post and List-Id', async () => {
    const email = await confirmed();
    const welcome = outbox(email).find((e) => e.kind === 'newsletter_welcome')!;
    expect(welcome.subject).toBe('Welcome to The Ledger');
    const unsubscribeToken = subscriber(email)!.unsubscribeToken;
    expect(unsubscribeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { headers } = welcome;
    expect(headers['List-Unsubscribe']).toBe(
      `<https://news.example.org/api/newsletter/unsubscribe?token=${unsubscribeToken}>, <mailto:newsroom@news.example.org?subject=unsubscribe%20${unsubscribeToken}>`,
    );
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(headers['List-Id']).toBe('The Ledger newsletter <newsletter.news.example.org>');
    // The footer links the same subscriber's unsubscribe page.
    expect(welcome.text).toContain(`https://news.example.org/newsletter/unsubscribe?token=${unsubscribeToken}`);
  });
});

describe('unsubscribe', () => {
  it('unsubscribes by the per-subscriber token and cancels email still queued for them', async () => {
    const email = await confirmed();
    const welcome = outbox(email).find((e) => e.kind === 'newsletter_welcome')!;
    expect(welcome.status).toBe('queued');
    const now = new Date();
    expect(unsubscribe(subscriber(email)!.unsubscribeToken, now)).toBe('unsubscribed');
    expect(subscriber(email)).toMatchObject({ status: 'unsubscribed', unsubscribedAt: now, confirmTokenHash: null });
    expect(outbox(email).map((e) => [e.kind, e.status])).toEqual([
      ['newsletter_confirm', 'cancelled'],
      ['newsletter_welcome', 'cancelled'],
    ]);
  });

  it('leaves email that already went out as it was', async () => {
    const email = await confirmed();
    db().update(emailOutbox).set({ status: 'sent' }).where(eq(emailOutbox.recipient, email)).run();
    expect(unsubscribe(subscriber(email)!.unsubscribeToken)).toBe('unsubscribed');
    expect(outbox(email).map((e) => e.status)).toEqual(['sent', 'sent']);
  });

  it('answers "already" the second time and "invalid" for an unknown token', async () => {
    const email = await confirmed();
    const token = subscriber(email)!.unsubscribeToken;
    expect(unsubscribe(token)).toBe('unsubscribed');
    expect(unsubscribe(token)).toBe('already');
    expect(unsubscribe('A'.repeat(43))).toBe('invalid');
    expect(unsubscribe('short')).toBe('invalid');
    expect(unsubscribe(null)).toBe('invalid');
  });

  it('keeps the unsubscribe token across a resubscription (links in old emails keep working)', async () => {
    const email = await confirmed();
    const token = subscriber(email)!.unsubscribeToken;
    unsubscribe(token);
    await subscribe(email);
    expect(await confirmSubscription(confirmToken(email))).toBe('confirmed');
    expect(subscriber(email)!.unsubscribeToken).toBe(token);
    expect(unsubscribe(token)).toBe('unsubscribed');
  });
});
