import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { IP_LIMIT, requestSubscription } from './subscriptions';
import { deleteSubscriber, resendConfirmation } from './admin';

const client = () => getDb().$client;
const pendingSubscriber = (email: string) =>
  client()
    .prepare<[string], { id: number }>(
      `INSERT INTO subscribers (email, status, unsubscribe_token) VALUES (?, 'pending', lower(hex(randomblob(16)))) RETURNING id`,
    )
    .get(email)!.id;
const confirmationsTo = (email: string) =>
  client()
    .prepare<[string], { n: number }>(`SELECT count(*) AS n FROM email_outbox WHERE recipient = ? AND kind = 'newsletter_confirm'`)
    .get(email)!.n;

const logRows = (action: string) =>
  client()
    .prepare<[string], { actor: string; detail: string }>('SELECT actor, detail FROM moderation_log WHERE action = ? ORDER BY id')
    .all(action);

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
    expect((await requestSubscription({ rawEmail: 'visitor@example.com', source: '/', client: { ipHash: newsroom, ipRangeHash: null } })).ok).toBe(true);
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
    expect((await requestSubscription({ rawEmail: 'consent-kept@example.com', source: '/articles/x', client: { ipHash: 'their-ip', ipRangeHash: null } })).ok).toBe(true);
    const consent = () =>
      client()
        .prepare<[string], { id: number; consent_source: string; consent_at: number; ip_hash: string }>(
          'SELECT id, consent_source, consent_at, ip_hash FROM subscribers WHERE email = ?',
        )
        .get('consent-kept@example.com')!;
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
    client().prepare(`UPDATE subscribers SET status = 'confirmed' WHERE id = ?`).run(id);
    expect((await resendConfirmation(id, 'mod@ledger.example')).ok).toBe(false);
  });
});

describe('deleteSubscriber', () => {
  it('erases the row and its queued email, and logs who did it without keeping the address', () => {
    const email = 'erase-me@example.com';
    const id = pendingSubscriber(email);
    client()
      .prepare(`INSERT INTO email_outbox (kind, recipient, subject, html, text, ref) VALUES ('newsletter_confirm', ?, 's', 'h', 't', ?)`)
      .run(email, `subscriber:${id}`);
    expect(deleteSubscriber(id, 'mod@ledger.example')).toBe(true);
    expect(client().prepare('SELECT count(*) AS n FROM subscribers WHERE id = ?').get(id)).toEqual({ n: 0 });
    expect(client().prepare('SELECT status FROM email_outbox WHERE recipient = ?').all(email)).toEqual([{ status: 'cancelled' }]);
    const log = logRows('subscriber-delete').at(-1);
    expect(log).toMatchObject({ actor: 'mod@ledger.example', detail: `subscriber #${id}` });
    expect(JSON.stringify(log)).not.toContain(email);
    // Nothing to delete: no log row.
    expect(deleteSubscriber(id, 'mod@ledger.example')).toBe(false);
    expect(logRows('subscriber-delete')).toHaveLength(1);
  });
});
