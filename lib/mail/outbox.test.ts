import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { eq } from 'drizzle-orm';
import { emailOutbox } from '@/db/schema';
import { cancelQueuedEmails, enqueueEmail, idempotencyKeyOf, InvalidEmailError, removeOldEmailBodies, type EnqueueInput } from './outbox';

const email = (over: Partial<EnqueueInput> = {}): EnqueueInput => ({
  kind: 'test',
  to: 'reader@example.com',
  subject: 'Hello',
  html: '<p>Hello</p>',
  text: 'Hello',
  ...over,
});

const rows = () => getDb().select().from(emailOutbox).all();

beforeAll(() => migrateDatabase());
beforeEach(() => {
  getDb().delete(emailOutbox).run();
});

describe('enqueueEmail', () => {
  it('writes a queued, due row with the rendered email', () => {
    const before = Date.now();
    const { id } = getDb().transaction((tx) => enqueueEmail(tx, email({ headers: { 'List-Id': 'x <x.example>' }, ref: 'subscriber:1' })));
    const [row] = rows();
    expect(row).toMatchObject({
      id,
      kind: 'test',
      recipient: 'reader@example.com',
      subject: 'Hello',
      html: '<p>Hello</p>',
      text: 'Hello',
      headers: { 'List-Id': 'x <x.example>' },
      status: 'queued',
      attempts: 0,
      ref: 'subscriber:1',
      idempotencyKey: null,
    });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(row!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(idempotencyKeyOf(row!)).toBe(`outbox/${id}`);
  });

  it('writes nothing when the caller’s transaction rolls back', () => {
    expect(() =>
      getDb().transaction(
        (tx) => {
          enqueueEmail(tx, email());
          enqueueEmail(tx, email({ to: 'second@example.com' }));
          throw new Error('the change that caused the email failed');
        },
        { behavior: 'immediate' },
      ),
    ).toThrow('the change that caused the email failed');
    expect(rows()).toEqual([]);
  });

  it('writes nothing when the transaction is rolled back explicitly', () => {
    // Drizzle's rollback() aborts the transaction by throwing.
    expect(() =>
      getDb().transaction(
        (tx) => {
          enqueueEmail(tx, email());
          tx.rollback();
        },
        { behavior: 'immediate' },
      ),
    ).toThrow(/Rollback/);
    expect(rows()).toEqual([]);
  });

  it('keeps the email when the transaction commits', () => {
    getDb().transaction((tx) => enqueueEmail(tx, email()), { behavior: 'immediate' });
    expect(rows()).toHaveLength(1);
  });

  it.each([
    ['a recipient with CR/LF', email({ to: 'reader@example.com\r\nBcc: victim@example.com' })],
    ['a recipient with LF', email({ to: 'reader@example.com\nx' })],
    ['two recipients', email({ to: 'reader@example.com, victim@example.com' })],
    ['two recipients with a semicolon', email({ to: 'reader@example.com;victim@example.com' })],
    ['a display name', email({ to: 'Reader <reader@example.com>' })],
    ['an empty recipient', email({ to: '' })],
    ['a recipient longer than 254 characters', email({ to: `${'a'.repeat(250)}@example.com` })],
    ['a subject with a line break', email({ subject: 'Hello\r\nBcc: victim@example.com' })],
    ['an empty subject', email({ subject: '' })],
    ['a header value with a line break', email({ headers: { 'List-Id': 'x\r\nBcc: victim@example.com' } })],
    ['a header name with a colon', email({ headers: { 'Bcc:': 'victim@example.com' } })],
  ])('refuses %s with InvalidEmailError, and the transaction writes nothing', (_what, input) => {
    let thrown: unknown;
    try {
      getDb().transaction(
        (tx) => {
          tx.insert(emailOutbox).values({ kind: 'earlier-in-tx', recipient: 'ok@example.com', subject: 's', html: '', text: '' }).run();
          enqueueEmail(tx, input);
        },
        { behavior: 'immediate' },
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEmailError);
    expect((thrown as Error).message).toMatch(/^Email refused: /);
    expect(rows()).toEqual([]);
  });

  it('honours an explicit idempotency key, once', () => {
    getDb().transaction((tx) => enqueueEmail(tx, email({ idempotencyKey: 'digest/2030-01-01T10:00' })));
    expect(idempotencyKeyOf(rows()[0]!)).toBe('digest/2030-01-01T10:00');
    expect(() => getDb().transaction((tx) => enqueueEmail(tx, email({ idempotencyKey: 'digest/2030-01-01T10:00' })))).toThrow(/UNIQUE/);
    expect(rows()).toHaveLength(1);
  });

  it('schedules for later with notBefore', () => {
    const later = new Date(Date.now() + 60_000);
    getDb().transaction((tx) => enqueueEmail(tx, email({ notBefore: later })));
    expect(rows()[0]!.nextAttemptAt.getTime()).toBe(later.getTime());
  });
});

describe('cancelQueuedEmails', () => {
  it('cancels only queued emails about the given ref', () => {
    const db = getDb();
    const ids = db.transaction((tx) => [
      enqueueEmail(tx, email({ ref: 'subscriber:7' })).id,
      enqueueEmail(tx, email({ ref: 'subscriber:7' })).id,
      enqueueEmail(tx, email({ ref: 'subscriber:8' })).id,
    ]);
    db.update(emailOutbox).set({ status: 'sent' }).where(eq(emailOutbox.id, ids[1]!)).run();
    expect(db.transaction((tx) => cancelQueuedEmails(tx, 'subscriber:7'))).toBe(1);
    expect(rows().map((r) => [r.ref, r.status])).toEqual([
      ['subscriber:7', 'cancelled'],
      ['subscriber:7', 'sent'],
      ['subscriber:8', 'queued'],
    ]);
  });
});

describe('removeOldEmailBodies', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('blanks the links of emails sent or cancelled more than the days kept, keeping who, what and when', () => {
    const db = getDb();
    const now = new Date();
    const link = 'https://news.example.org/newsletter/confirm?token=secret-token-abc';
    const make = (status: 'sent' | 'cancelled' | 'failed' | 'queued', daysAgo: number) => {
      const { id } = db.transaction((tx) =>
        enqueueEmail(
          tx,
          email({
            kind: `k-${status}-${daysAgo}`,
            html: `<a href="${link}">Confirm</a>`,
            text: link,
            headers: { 'List-Unsubscribe': `<${link}>` },
          }),
        ),
      );
      const at = new Date(now.getTime() - daysAgo * DAY);
      db.update(emailOutbox)
        .set({ status, sentAt: status === 'sent' ? at : null, updatedAt: at })
        .where(eq(emailOutbox.id, id))
        .run();
      return id;
    };
    const oldSent = make('sent', 8);
    const oldCancelled = make('cancelled', 8);
    const recentSent = make('sent', 6);
    const oldFailed = make('failed', 8);
    const queued = make('queued', 8);

    expect(removeOldEmailBodies(db, { keepDays: 7, now })).toBe(2);
    const byId = new Map(rows().map((r) => [r.id, r]));
    for (const id of [oldSent, oldCancelled]) {
      const row = byId.get(id)!;
      expect(JSON.stringify(row)).not.toContain('secret-token-abc');
      expect(row).toMatchObject({
        html: '',
        text: '',
        headers: {},
        vars: null,
        recipient: 'reader@example.com',
        subject: 'Hello',
        bodyRemovedAt: now,
      });
      expect(row.kind).toMatch(/^k-/);
    }
    expect(byId.get(oldSent)!.sentAt).toEqual(expect.any(Date));
    // Still within the days kept; a failed email may be retried; a queued one is yet to go.
    for (const id of [recentSent, oldFailed, queued]) expect(byId.get(id)!.text).toBe(link);
    // Done once.
    expect(removeOldEmailBodies(db, { keepDays: 7, now })).toBe(0);
  });
});
