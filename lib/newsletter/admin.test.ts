import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { emailOutbox, moderationLog, subscribers } from '@/db/schema';
import { IP_LIMIT, requestSubscription } from './subscriptions';
import { deleteSubscriber, resendConfirmation } from './admin';

const db = () => getDb();
const pendingSubscriber = (email: string) =>
  db()
    .insert(subscribers)
    .values({ email, status: 'pending', unsubscribeToken: randomBytes(16).toString('hex') })
    .returning({ id: subscribers.id })
    .get().id;
const confirmationsTo = (email: string) =>
  db()
    .select({ n: count() })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.recipient, email), eq(emailOutbox.kind, 'newsletter_confirm')))
    .get()!.n;

const logRows = (action: string) =>
  db()
    .select({ actor: moderationLog.actor, detail: moderationLog.detail })
    .from(moderationLog)
    .where(eq(moderationLog.action, action))
    .orderBy(moderationLog.id)
    .all();

beforeAll(() => {
  migrateDatabase();
});

describe('resendConfirmation (a moderator, from the subscribers page)', () => {
  it('is not held back by the per-IP limit meant for anonymous visitors', async () => {
    const newsroom = 'ip-hash-of-the-newsroom';
    for (let i = 0; i < IP_LIMIT.limit + 2; i++) {
      const email = `resend-${i}@example.com`;
      expect(await resendConfirmation(pendingSubscriber(email), 'mod@ledger.example')).toEqual({ ok: true });
      expect(confirmationsTo(email)).toBe(1);
    }
    // …and has not used up the visitors' allowance from that address either.
    expect(
      (await requestSubscription({ rawEmail: 'visitor@example.com', source: '/', client: { ipHash: newsroom, ipRangeHash: null } })).ok,
    ).toBe(true);
  });

  it('still stops at three confirmation emails a day for one address, and says so', async () => {
    const id = pendingSubscriber('thrice@example.com');
    for (let i = 0; i < 3; i++) expect((await resendConfirmation(id, 'mod@ledger.example')).ok).toBe(true);
    expect(await resendConfirmation(id, 'mod@ledger.example')).toEqual({
      ok: false,
      message: 'This address has had three confirmation emails in the last day. Try again tomorrow.',
    });
  });

  it("keeps the record of the person's own consent: when, from where, from which address", async () => {
    expect(
      (
        await requestSubscription({
          rawEmail: 'consent-kept@example.com',
          source: '/articles/x',
          client: { ipHash: 'their-ip', ipRangeHash: null },
        })
      ).ok,
    ).toBe(true);
    const consent = () =>
      db()
        .select({
          id: subscribers.id,
          consentSource: subscribers.consentSource,
          consentAt: subscribers.consentAt,
          ipHash: subscribers.ipHash,
        })
        .from(subscribers)
        .where(eq(subscribers.email, 'consent-kept@example.com'))
        .get()!;
    const before = consent();
    await new Promise((r) => setTimeout(r, 5));
    expect(await resendConfirmation(before.id, 'mod@ledger.example')).toEqual({ ok: true });
    expect(consent()).toEqual(before);
    expect(confirmationsTo('consent-kept@example.com')).toBe(2);
  });

  it('is logged with who did it', async () => {
    const id = pendingSubscriber('logged-resend@example.com');
    await resendConfirmation(id, 'mod@ledger.example');
    expect(logRows('subscriber-resend').at(-1)).toMatchObject({ actor: 'mod@ledger.example', detail: `subscriber #${id}` });
  });

  it('only sends to pending subscribers', async () => {
    const id = pendingSubscriber('confirmed-already@example.com');
    db().update(subscribers).set({ status: 'confirmed' }).where(eq(subscribers.id, id)).run();
    expect((await resendConfirmation(id, 'mod@ledger.example')).ok).toBe(false);
  });
});

describe('deleteSubscriber', () => {
  it('erases the row and its queued email, and logs who did it without keeping the address', () => {
    const email = 'erase-me@example.com';
    const id = pendingSubscriber(email);
    db()
      .insert(emailOutbox)
      .values({ kind: 'newsletter_confirm', recipient: email, subject: 's', html: 'h', text: 't', ref: `subscriber:${id}` })
      .run();
    expect(deleteSubscriber(id, 'mod@ledger.example')).toBe(true);
    expect(db().select({ n: count() }).from(subscribers).where(eq(subscribers.id, id)).get()).toEqual({ n: 0 });
    expect(db().select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.recipient, email)).all()).toEqual([
      { status: 'cancelled' },
    ]);
    const log = logRows('subscriber-delete').at(-1);
    expect(log).toMatchObject({ actor: 'mod@ledger.example', detail: `subscriber #${id}` });
    expect(JSON.stringify(log)).not.toContain(email);
    // Nothing to delete: no log row.
    expect(deleteSubscriber(id, 'mod@ledger.example')).toBe(false);
    expect(logRows('subscriber-delete')).toHaveLength(1);
  });
});
