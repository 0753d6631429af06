import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { IP_LIMIT, requestSubscription } from './subscriptions';
import { resendConfirmation } from './admin';

const client = () => getDb().$client;
const pendingSubscriber = (email: string) =>
  client()
    .prepare<[string], { id: number }>(`INSERT INTO subscribers (email, status, unsubscribe_token) VALUES (?, 'pending', lower(hex(randomblob(16)))) RETURNING id`)
    .get(email)!.id;
const confirmationsTo = (email: string) =>
  client().prepare<[string], { n: number }>(`SELECT count(*) AS n FROM email_outbox WHERE recipient = ? AND kind = 'newsletter_confirm'`).get(email)!.n;

beforeAll(() => {
  migrateDatabase();
});

describe('resendConfirmation (a moderator, from the subscribers page)', () => {
  it('is not held back by the per-IP limit meant for anonymous visitors', async () => {
    const newsroom = 'ip-hash-of-the-newsroom';
    for (let i = 0; i < IP_LIMIT.limit + 2; i++) {
      const email = `resend-${i}@example.com`;
      expect(await resendConfirmation(pendingSubscriber(email), newsroom)).toEqual({ ok: true });
      expect(confirmationsTo(email)).toBe(1);
    }
    // …and has not used up the visitors' allowance from that address either.
    expect((await requestSubscription({ rawEmail: 'visitor@example.com', source: '/', ipHash: newsroom })).ok).toBe(true);
  });

  it('still stops at three confirmation emails a day for one address, and says so', async () => {
    const id = pendingSubscriber('thrice@example.com');
    for (let i = 0; i < 3; i++) expect((await resendConfirmation(id, 'another-ip')).ok).toBe(true);
    expect(await resendConfirmation(id, 'another-ip')).toEqual({
      ok: false,
      message: 'This address has had three confirmation emails in the last day. Try again tomorrow.',
    });
  });

  it('only sends to pending subscribers', async () => {
    const id = pendingSubscriber('confirmed-already@example.com');
    client().prepare(`UPDATE subscribers SET status = 'confirmed' WHERE id = ?`).run(id);
    expect((await resendConfirmation(id, 'x')).ok).toBe(false);
  });
});
